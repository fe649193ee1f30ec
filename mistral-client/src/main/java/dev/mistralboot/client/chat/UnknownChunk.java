package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A content chunk of a type this library does not know yet (kept so that parsing never fails).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnknownChunk() implements ContentChunk, ThinkChunk.Part {
}
