package dev.mistralboot.client.core;

/**
 * A parsed answer together with its {@link ResponseMetadata}.
 *
 * @param <T> the body type
 * @param body the parsed body
 * @param metadata status, headers, rate limits and correlation id
 */
public record MistralResponse<T>(T body, ResponseMetadata metadata) {
}
