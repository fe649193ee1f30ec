package dev.mistralboot.client.core;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriBuilder;

/**
 * Expands an {@link ApiRequest}'s path and query with every value encoded strictly.
 */
final class UriTemplates {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

	private UriTemplates() {
	}

	static URI expand(UriBuilder builder, ApiRequest request) {
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
		builder.path(request.path());
		int q = 0;
		for (Map.Entry<String, List<String>> entry : request.query().entrySet()) {
			for (String value : entry.getValue()) {
				String name = "__q" + (q++);
				builder.queryParam(entry.getKey(), "{" + name + "}");
				variables.put(name, value);
			}
		}
		return builder.build(variables);
	}

}
