package io.recollect.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON is read strictly: a key given twice, a number where text belongs (or text where a whole
 * number or a flag belongs), a number for a date or an enum, trailing content and control
 * characters are refused, each as a 400 naming the field (see ApiProblems). Decimal amounts are
 * the one exception: they may come as strings ("12.50"), which carry them exactly.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .postConfigurer(mapper -> {
                    // a lenient java.time reader takes 20261201 as an epoch day (year 57443)
                    mapper.setDefaultLeniency(false);
                    for (CoercionInputShape scalar : new CoercionInputShape[] {CoercionInputShape.Integer,
                            CoercionInputShape.Float, CoercionInputShape.Boolean}) {
                        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
                    }
                    mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String,
                            CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String,
                            CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer,
                            CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer,
                            CoercionAction.Fail);
                });
    }

    /** Boot registers every Module bean with the application's ObjectMapper. */
    @Bean
    SimpleModule plainTextModule() {
        return new SimpleModule("recollect-plain-text").addDeserializer(String.class, new PlainText());
    }

    /**
     * Text without control characters (tab, line feed and carriage return aside) and without
     * broken surrogate pairs: PostgreSQL refuses U+0000, and none of them belongs in a name or a note.
     */
    static final class PlainText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && !isPlain(text)) {
                throw InvalidFormatException.from(parser, "must not contain control characters", text, String.class);
            }
            return text;
        }

        static boolean isPlain(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
