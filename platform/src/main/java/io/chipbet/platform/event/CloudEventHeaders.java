package io.chipbet.platform.event;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * CloudEvents 1.0 attributes in Kafka headers (binary content mode of the Kafka protocol binding):
 * {@code ce_specversion}, {@code ce_id}, {@code ce_source}, {@code ce_type}, {@code ce_subject},
 * {@code ce_time}, and {@code content-type} for the JSON value.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    /** CloudEvents types are reverse-DNS names: {@code io.chipbet.<aggregateType>.<EventType>}. */
    public static String cloudEventType(String aggregateType, String eventType) {
        return "io.chipbet." + aggregateType + "." + eventType;
    }

    private CloudEventHeaders() {
    }

    public static Headers of(String eventId, String source, String type, String subject, String time) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, SPEC_VERSION, "1.0");
        add(headers, ID, eventId);
        add(headers, SOURCE, source);
        add(headers, TYPE, type);
        add(headers, SUBJECT, subject);
        add(headers, TIME, time);
        add(headers, CONTENT_TYPE, "application/json");
        return headers;
    }

    public static String read(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
