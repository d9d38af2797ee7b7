package com.mizani.query.audit;

import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Msisdn;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event's payload as the details of an audit entry: every record component by name, so a field added to an event
 * shows up without touching the audit code. Values become text, numbers, booleans, lists and maps (what any JSON or
 * BSON reader understands), and personal data is masked on the way in: it is never stored unmasked.
 */
final class AuditDetails {

    private AuditDetails() {
    }

    static Map<String, Object> of(Record payload) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            details.put(component.getName(), value(component.getName(), read(component, payload)));
        }
        return details;
    }

    private static Object value(String field, Object value) {
        return switch (value) {
            case null -> null;
            case Msisdn msisdn -> msisdn.masked();
            case String text -> PiiMasking.field(field, text);
            case Money money -> Map.of("amount", money.toDecimalString(), "currency", money.currency().name());
            case Number number -> number;
            case Boolean flag -> flag;
            case Enum<?> constant -> constant.name();
            case Record nested -> of(nested);
            case Collection<?> items -> list(field, items);
            default -> value.toString();
        };
    }

    private static List<Object> list(String field, Collection<?> items) {
        List<Object> values = new ArrayList<>();
        for (Object item : items) {
            values.add(value(field, item));
        }
        return values;
    }

    private static Object read(RecordComponent component, Record payload) {
        try {
            return component.getAccessor().invoke(payload);
        } catch (IllegalAccessException | InvocationTargetException unreadable) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + payload.getClass(), unreadable);
        }
    }
}
