package dev.mistralboot.client.batch;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One line of a batch job's output or error file: the result of one request.
 *
 * @param <T> the type the response body is read as
 * @param id the result id
 * @param customId the request's custom id
 * @param response the response, or {@code null} when the request failed before one
 * @param error the error, or {@code null} when the request succeeded
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BatchResult<T>(@Nullable String id, @Nullable String customId, @Nullable Response<T> response,
		@Nullable Map<String, Object> error) {

	/**
	 * Whether the request succeeded: no error and a 2xx status.
	 * @return {@code true} on success
	 */
	public boolean isSuccess() {
		return this.error == null && this.response != null && this.response.statusCode() != null
				&& this.response.statusCode() / 100 == 2;
	}

	/**
	 * The response body.
	 * @return the body, or {@code null}
	 */
	public @Nullable T body() {
		return (this.response != null) ? this.response.body() : null;
	}

	/**
	 * The response to one batched request.
	 *
	 * @param <T> the body type
	 * @param statusCode the HTTP status the request got
	 * @param body the body
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record Response<T>(@Nullable Integer statusCode, @Nullable T body) {
	}

}
