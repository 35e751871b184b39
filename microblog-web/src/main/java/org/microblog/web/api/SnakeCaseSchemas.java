package org.microblog.web.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Names the fields of the API's entities in /openapi as the JSON has them: {@code avatar_static}, not the record's
 * {@code avatarStatic}. Payara reads the records' Java names; JSON-B writes them in snake_case (JsonConfig).
 */
public class SnakeCaseSchemas implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null && properties.keySet().stream().anyMatch(SnakeCaseSchemas::hasCapital)) {
            Map<String, Schema> renamed = new LinkedHashMap<>();
            properties.forEach((name, property) -> renamed.put(snakeCase(name), property));
            schema.setProperties(renamed);
            if (schema.getRequired() != null) {
                schema.setRequired(schema.getRequired().stream()
                        .map(SnakeCaseSchemas::snakeCase)
                        .toList());
            }
        }
        return schema;
    }

    private static boolean hasCapital(String name) {
        return !name.equals(name.toLowerCase(Locale.ROOT));
    }

    /** {@code createdAt} as {@code created_at}: what JSON-B's LOWER_CASE_WITH_UNDERSCORES makes of it. */
    static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
