package org.microblog.web.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.StringReader;

/**
 * JSON as Mastodon writes it: names in snake_case (the entities are records with Java names), and a null written as
 * null rather than left out, since strict clients expect every field of an entity.
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /**
     * An entity as JSON with one more field: for an entity that Mastodon extends in one place (an account with its
     * {@code source} for its owner), so that the entity's fields are written once.
     */
    static JsonObject withField(Object entity, String name, Object value) {
        JsonObject json =
                Json.createReader(new StringReader(JSONB.toJson(entity))).readObject();
        JsonValue field =
                Json.createReader(new StringReader(JSONB.toJson(value))).readValue();
        return Json.createObjectBuilder(json).add(name, field).build();
    }
}
