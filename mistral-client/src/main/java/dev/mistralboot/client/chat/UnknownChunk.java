package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A content chunk of a type this library does not know yet, kept so that parsing never
 * fails.
 *
 * @param type the chunk type as sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnknownChunk(@Nullable String type) implements ContentChunk, ThinkChunk.Part {
}
