package dev.mistralboot.client.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Helpers over {@link FinishReason} (a generated type) for the chat answers and chunks.
 */
final class FinishReasons {

	private FinishReasons() {
	}

	/**
	 * The wire values of the choices' finish reasons, skipping choices that have none
	 * (for observations). Values this library does not know keep their real wire form.
	 */
	static <T> List<String> wireValues(List<T> choices, Function<T, FinishReason> reason) {
		List<String> values = null;
		for (T choice : choices) {
			FinishReason value = reason.apply(choice);
			if (value != null) {
				if (values == null) {
					values = new ArrayList<>(choices.size());
				}
				values.add(value.value());
			}
		}
		return (values != null) ? values : List.of();
	}

}
