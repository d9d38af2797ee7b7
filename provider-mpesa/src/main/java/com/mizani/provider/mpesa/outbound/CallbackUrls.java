package com.mizani.provider.mpesa.outbound;

import com.mizani.provider.mpesa.callback.MpesaCallbackController;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** The URLs we give the provider to call back. Resolved per call, because the port is known only once we listen. */
@Component
public class CallbackUrls {

    private final ProviderProperties properties;
    private final Environment environment;

    public CallbackUrls(ProviderProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public String b2cResult() {
        return base() + MpesaCallbackController.B2C_RESULT;
    }

    public String b2cTimeout() {
        return base() + MpesaCallbackController.B2C_TIMEOUT;
    }

    public String statusResult() {
        return base() + MpesaCallbackController.STATUS_RESULT;
    }

    public String statusTimeout() {
        return base() + MpesaCallbackController.STATUS_TIMEOUT;
    }

    public String stkCallback(UUID paymentId) {
        return base() + MpesaCallbackController.STK_CALLBACK + paymentId;
    }

    public String c2bConfirmation() {
        return base() + MpesaCallbackController.C2B_CONFIRMATION;
    }

    public String c2bValidation() {
        return base() + MpesaCallbackController.C2B_VALIDATION;
    }

    private String base() {
        String configured = properties.callbackBaseUrl();
        if (configured != null && !configured.isBlank()) {
            return stripSlash(configured) + MpesaCallbackController.BASE;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port + MpesaCallbackController.BASE;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
