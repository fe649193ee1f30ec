package dev.mistralboot.client.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An error answer of the Mistral API, parsed from whichever of its shapes arrived: the
 * {@code {"object":"error",...}} object, a bare {@code {"message":...}},
 * {@code {"detail":"..."}}, a validation {@code {"detail":[...]}} (possibly wrapped
 * inside {@code message}), plain text, HTML or nothing.
 *
 * @param message the human-readable message (never {@code null}; a summary for HTML and
 * empty bodies)
 * @param type the error type such as {@code invalid_request_error}, when sent
 * @param code the error code such as {@code 1300}, when sent
 * @param param the request parameter at fault, when sent
 * @param requestId the request id sent in the body, when sent
 * @param details the validation errors of a 422 answer, empty otherwise
 */
public record ApiError(String message, @Nullable String type, @Nullable String code, @Nullable String param,
		@Nullable String requestId, List<ValidationDetail> details) {

	/**
	 * Creates an error with defensive copies.
	 */
	public ApiError {
		details = List.copyOf(details);
	}

	/**
	 * One entry of a validation error list.
	 *
	 * @param location the path of the offending field, such as
	 * {@code messages[0].content}
	 * @param message what is wrong with it, such as {@code Field required}
	 * @param type the error kind, such as {@code missing}
	 */
	public record ValidationDetail(String location, String message, @Nullable String type) {

		@Override
		public String toString() {
			return this.location.isEmpty() ? this.message : this.location + ": " + this.message;
		}

	}

}
