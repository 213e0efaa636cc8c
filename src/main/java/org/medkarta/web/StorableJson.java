package org.medkarta.web;

import org.medkarta.shared.StorableText;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string read from JSON (API bodies, and whatever else the application's mapper reads) is
 * held to {@link StorableText}: one that cannot be stored fails as it is read, and {@link
 * ProblemAdvice} answers 422 {@code invalid-input} naming its path in the body.
 */
@Component
class StorableJson extends SimpleModule {

    StorableJson() {
        super("medkarta-storable-text");
        addDeserializer(String.class, new Strings());
    }

    /** Thrown, with the offending string's path, for text that cannot be stored. */
    static final class Unstorable extends InvalidFormatException {

        Unstorable(JsonParser parser, String value) {
            super(parser, "Text with characters that cannot be stored", value, String.class);
        }
    }

    private static final class Strings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (!StorableText.isStorable(value)) {
                throw new Unstorable(parser, value);
            }
            return value;
        }
    }
}
