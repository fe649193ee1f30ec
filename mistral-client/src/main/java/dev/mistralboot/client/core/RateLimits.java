package dev.mistralboot.client.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The {@code x-ratelimit-*} headers of one answer, such as
 * {@code x-ratelimit-remaining-tokens-minute} and {@code x-ratelimit-limit-req-minute}.
 * Kinds are the header suffixes ({@code tokens-minute}, {@code req-minute}, ...), so
 * limits Mistral adds later are kept too.
 *
 * @param remaining remaining budget per limit kind
 * @param limit the limit per kind
 * @param tokensQueryCost the tokens this request counted against the limit, when sent
 */
public record RateLimits(Map<String, Long> remaining, Map<String, Long> limit, @Nullable Long tokensQueryCost) {

	private static final String REMAINING = "x-ratelimit-remaining-";

	private static final String LIMIT = "x-ratelimit-limit-";

	private static final String QUERY_COST = "x-ratelimit-tokens-query-cost";

	/**
	 * Creates rate limits with read-only copies.
	 */
	public RateLimits {
		remaining = Collections.unmodifiableMap(new LinkedHashMap<>(remaining));
		limit = Collections.unmodifiableMap(new LinkedHashMap<>(limit));
	}

	/**
	 * Reads the rate-limit headers.
	 * @param headers response headers
	 * @return the rate limits (empty maps when the headers are absent)
	 */
	public static RateLimits from(HttpHeaders headers) {
		Map<String, Long> remaining = new LinkedHashMap<>();
		Map<String, Long> limit = new LinkedHashMap<>();
		Long cost = null;
		for (Map.Entry<String, java.util.List<String>> entry : headers.headerSet()) {
			String name = entry.getKey().toLowerCase(Locale.ROOT);
			if (!name.startsWith("x-ratelimit-") || entry.getValue().isEmpty()) {
				continue;
			}
			Long value = parse(entry.getValue().get(0));
			if (value == null) {
				continue;
			}
			if (name.startsWith(REMAINING)) {
				remaining.put(name.substring(REMAINING.length()), value);
			}
			else if (name.startsWith(LIMIT)) {
				limit.put(name.substring(LIMIT.length()), value);
			}
			else if (name.equals(QUERY_COST)) {
				cost = value;
			}
		}
		return new RateLimits(remaining, limit, cost);
	}

	/**
	 * The remaining budget of one kind.
	 * @param kind the kind, such as {@code tokens-minute} or {@code req-minute}
	 * @return the remaining budget, or {@code null} when not sent
	 */
	public @Nullable Long remaining(String kind) {
		return this.remaining.get(kind);
	}

	private static @Nullable Long parse(String value) {
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
