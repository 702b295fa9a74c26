package org.erplab.pathways.common.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API reads JSON as written, not as Jackson can bend it: a field it does not know, a number or a boolean where
 * text is expected ({@code "firstName": 42}), text where a yes/no is expected ({@code "consent": "true"}), a number for
 * an enum ({@code "channel": 0}), a date that is not text ({@code "birthDate": []}) are each a 400 naming the field,
 * never a silent guess that stores something. (Camunda's REST applications use their own mapper and keep their own
 * rules.)
 */
@Configuration
class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
    return builder -> builder
        .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .deserializerByType(LocalDate.class, new DateAsText());
  }

  /** A date is text, {@code yyyy-MM-dd}: not Jackson's array form ({@code [1990, 1, 2]}, where {@code []} is null). */
  static final class DateAsText extends StdScalarDeserializer<LocalDate> {

    DateAsText() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
      }
      return LocalDateDeserializer.INSTANCE.deserialize(parser, context);
    }
  }
}
