package com.wildrydes.lambdas.common;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadConstraints;
import software.amazon.awssdk.thirdparty.jackson.core.exc.StreamConstraintsException;

/**
 * JSON in and out, on the streaming jackson-core that the AWS SDK already carries (its published
 * {@code third-party-jackson-core}, relocated under {@code software.amazon.awssdk.thirdparty}): no
 * second copy of Jackson in the functions' jar, and no data binding. Reading is strict: exactly one JSON object (nothing after it), no key twice in an object, bounded
 * nesting, string and number lengths, and decimals as BigDecimal so that a fare of 256.50 is never
 * rounded through a double. A number too large for BigDecimal (an exponent beyond an int) is
 * refused naming its field; whether a number is in range is for {@link RequestFields} to say.
 */
public final class Json {

    /** Longest number literal read, in characters: far beyond any valid amount, and cheap to convert. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Longest string read, in characters: far beyond any valid field, far below Lambda's 6 MB payload. */
    public static final int MAX_STRING_LENGTH = 1_000_000;
    /** Deepest nesting read: request bodies here are flat objects. */
    public static final int MAX_NESTING_DEPTH = 32;

    private static final JsonFactory STRICT = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .build())
            .build();

    private Json() {}

    /**
     * Parses a body that must be exactly one JSON object.
     *
     * @throws InvalidRequestException naming the top-level field the problem is in, or {@code body}
     */
    public static Map<String, Object> parseObject(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("body", "expected a JSON object, got an empty body");
        }
        try (JsonParser parser = STRICT.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new InvalidRequestException("body", "expected a JSON object, got " + describe(first));
            }
            Map<String, Object> object = readObject(parser, true);
            if (parser.nextToken() != null) {
                throw new InvalidRequestException("body", "expected exactly one JSON object, found more after it");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(
                    "body", "expected well-formed JSON: " + firstLine(e.getOriginalMessage()));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("body", "holds a number too large or too small to read");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a JSON array of strings, such as a list in a handler's environment.
     *
     * @throws IllegalStateException naming {@code setting} if the text is not one
     */
    public static List<String> parseStringArray(String text, String setting) {
        try (JsonParser parser = STRICT.createParser(text)) {
            JsonToken first = parser.nextToken();
            Object value = first == null ? null : readValue(parser);
            if (parser.nextToken() != null) {
                throw new IllegalStateException(setting + " must be a JSON array of strings, found more after it");
            }
            if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                return list.stream().map(String.class::cast).toList();
            }
            throw new IllegalStateException(setting + " must be a JSON array of strings, got "
                    + (value instanceof List<?>
                            ? "an array with something other than strings"
                            : value == null
                                    ? "null"
                                    : "a " + value.getClass().getSimpleName().toLowerCase()));
        } catch (IOException | InvalidRequestException e) {
            throw new IllegalStateException(setting + " must be a JSON array of strings: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Writes a record, map, list, string, number or boolean as JSON: the one place messages become
     * text. A record is an object of its components in declaration order, each under its name or the
     * one its {@link WireName} gives; a null component is left out (a null map value is written).
     */
    public static String write(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = STRICT.createGenerator(text)) {
            writeValue(generator, plain(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(generator, plain(entry.getValue()));
            }
            generator.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            generator.writeStartArray();
            for (Object item : items) {
                writeValue(generator, plain(item));
            }
            generator.writeEndArray();
        } else if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof Character) {
            generator.writeString(value instanceof Enum<?> constant ? constant.name() : value.toString());
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof BigDecimal decimal) {
            generator.writeNumber(decimal);
        } else if (value instanceof BigInteger integer) {
            generator.writeNumber(integer);
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            generator.writeNumber(number.doubleValue());
        } else {
            throw new IllegalArgumentException(
                    "no JSON form for a " + value.getClass().getName());
        }
    }

    private static Object plain(Object value) {
        if (value instanceof Record record) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object componentValue = read(component, record);
                if (componentValue != null) {
                    WireName name = component.getAnnotation(WireName.class);
                    object.put(name != null ? name.value() : component.getName(), plain(componentValue));
                }
            }
            return object;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Json::plain).toList();
        }
        return value;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "Cannot read " + component.getName() + " of "
                            + record.getClass().getName(),
                    e);
        }
    }

    /** Reads the object whose START_OBJECT was just read; at the top level, errors name the field they are in. */
    private static Map<String, Object> readObject(JsonParser parser, boolean topLevel) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        String lastRead = null;
        String reading = null;
        try {
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                if (object.containsKey(name)) {
                    throw new InvalidRequestException(topLevel ? name : "body", "appears more than once in the object");
                }
                reading = name;
                parser.nextToken();
                object.put(name, readValue(parser));
                lastRead = name;
                reading = null;
            }
        } catch (JsonProcessingException | NumberFormatException e) {
            // Inside a value, the error is that field's. Between values, Jackson has read the next
            // key together with its scalar value: the current name is the field in error, unless the
            // error came before a new key (then it is still the last one read, and the body's).
            String field = reading != null ? reading : parser.currentName();
            if (!topLevel || field == null || (reading == null && field.equals(lastRead))) {
                throw e;
            }
            throw new InvalidRequestException(
                    field,
                    e instanceof JsonProcessingException json
                            ? "unreadable value: " + firstLine(json.getOriginalMessage())
                            : "is a number too large or too small to read");
        }
        return object;
    }

    private static Object readValue(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> readObject(parser, false);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> parser.getText();
            // The literal, converted here: BigDecimal refuses an exponent beyond an int, and a bound
            // check on the result never expands it (1e999999999 stays one digit and a scale).
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(parser);
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new InvalidRequestException("body", "unexpected " + parser.currentToken());
        };
    }

    private static BigDecimal number(JsonParser parser) throws IOException {
        // Jackson checks the length of a number it converts, not of one it hands over as text.
        if (parser.getTextLength() > MAX_NUMBER_LENGTH) {
            throw new StreamConstraintsException(
                    "a number written with more than " + MAX_NUMBER_LENGTH + " characters");
        }
        return new BigDecimal(parser.getText());
    }

    private static List<Object> readArray(JsonParser parser) throws IOException {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(parser));
        }
        return array;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> String.valueOf(token);
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
