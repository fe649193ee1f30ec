package dev.mistralboot.client.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Logs one WARN per model and retirement date when an answer carries
 * {@code x-model-deprecation-timestamp}.
 */
final class ModelDeprecations {

	private static final Log logger = LogFactory.getLog(ModelDeprecations.class);

	private static final int MAX_REMEMBERED = 1000;

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	/**
	 * Warns once for this model and timestamp.
	 * @return whether a warning was logged
	 */
	boolean check(HttpHeaders headers, @Nullable String model) {
		String timestamp = headers.getFirst(ResponseMetadata.MODEL_DEPRECATION_HEADER);
		if (timestamp == null) {
			return false;
		}
		String key = model + "@" + timestamp;
		if (this.warned.size() >= MAX_REMEMBERED || !this.warned.add(key)) {
			return false;
		}
		logger.warn(
				"Mistral model '" + ((model != null) ? model : "(unknown)") + "' is deprecated and will be retired at "
						+ timestamp + " (x-model-deprecation-timestamp). Move to a newer model before then.");
		return true;
	}

}
