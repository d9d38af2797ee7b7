package com.mizani.query.support;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.ServletWebRequest;

import java.util.List;

/**
 * The representation of a resource the API answers as JSON or as CSV (a statement, a payroll job's items), chosen
 * the same way for each: {@code format=json|csv} chooses, as Spring's own parameter strategy does, whatever the
 * Accept header says, and any other format is refused with 400 VALIDATION_FAILED; without it the Accept header does
 * (JSON when it admits both or is absent), and one that admits neither is refused with 406.
 */
public final class JsonOrCsv {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv");
    private static final List<MediaType> REPRESENTATIONS = List.of(MediaType.APPLICATION_JSON, TEXT_CSV);
    private static final HeaderContentNegotiationStrategy ACCEPT = new HeaderContentNegotiationStrategy();

    private JsonOrCsv() {
    }

    /** {@link MediaType#APPLICATION_JSON} or {@link #TEXT_CSV}, by the format parameter if there is one, else by Accept. */
    public static MediaType chosen(String format, HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        if (format != null) {
            return switch (format) {
                case "json" -> MediaType.APPLICATION_JSON;
                case "csv" -> TEXT_CSV;
                default -> throw new MizaniException(ErrorCode.VALIDATION_FAILED, "format must be json or csv");
            };
        }
        // Sorted by quality, then specificity; */* when the request has no Accept header.
        for (MediaType accepted : ACCEPT.resolveMediaTypes(new ServletWebRequest(request))) {
            if (accepted.getQualityValue() > 0) {
                for (MediaType offered : REPRESENTATIONS) {
                    if (accepted.isCompatibleWith(offered)) {
                        return offered;
                    }
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(REPRESENTATIONS);
    }
}
