package dev.mistralboot.client.batch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link BatchJob}, which the generated record implements.
 */
public interface BatchJobSupport {

	/**
	 * The job's status.
	 * @return the status, or {@code null} when the API sent none
	 */
	@Nullable BatchJobStatus status();

	/**
	 * Whether the job will not change any more.
	 * @return {@code true} once the status is final
	 */
	@JsonIgnore
	default boolean isTerminal() {
		BatchJobStatus status = status();
		return status != null && status.isTerminal();
	}

}
