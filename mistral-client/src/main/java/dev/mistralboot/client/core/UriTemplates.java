package dev.mistralboot.client.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an {@link ApiRequest}'s path and query into a URI template and its variables, for
 * {@code RestClient}'s and {@code WebClient}'s {@code uri(String, Map)}: the client
 * encodes every value strictly, and records the template, which observations report as
 * the {@code uri} tag of {@code http.client.requests} (such as
 * {@code /v1/files/{file_id}}) instead of {@code none}.
 */
final class UriTemplates {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

	private UriTemplates() {
	}

	static Expansion of(ApiRequest request) {
		Map<String, Object> variables = new HashMap<>();
		Object[] values = request.uriVariables();
		Matcher matcher = VARIABLE.matcher(request.path());
		int index = 0;
		while (matcher.find()) {
			if (index >= values.length) {
				throw new IllegalArgumentException("No value for {" + matcher.group(1) + "} in " + request.path());
			}
			Object value = values[index++];
			if (value == null || String.valueOf(value).isBlank()) {
				throw new IllegalArgumentException(matcher.group(1) + " must not be blank (" + request + ")");
			}
			variables.put(matcher.group(1), value);
		}
		StringBuilder template = new StringBuilder(request.path());
		char separator = '?';
		for (Map.Entry<String, List<String>> entry : request.query().entrySet()) {
			int occurrence = 0;
			for (String value : entry.getValue()) {
				String name = "query." + entry.getKey() + ((occurrence > 0) ? "." + occurrence : "");
				occurrence++;
				template.append(separator).append(entry.getKey()).append("={").append(name).append('}');
				separator = '&';
				variables.put(name, value);
			}
		}
		return new Expansion(template.toString(), variables);
	}

	/**
	 * A URI template and the values of its variables.
	 *
	 * @param template the template, relative to the base URL
	 * @param variables the values, by variable name
	 */
	record Expansion(String template, Map<String, Object> variables) {
	}

}
