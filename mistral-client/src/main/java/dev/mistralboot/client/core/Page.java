package dev.mistralboot.client.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a paginated list answer ({@code GET /v1/files}, {@code GET /v1/batch/jobs},
 * {@code GET /v1/fine_tuning/jobs}, ...): the items of the page and, when the API sends
 * it, the total number of items across all pages. {@link MistralPager} walks pages of
 * this shape.
 *
 * @param <T> the item type
 */
public interface Page<T> {

	/**
	 * The items of this page.
	 * @return the items, never {@code null}
	 */
	List<T> data();

	/**
	 * The number of items across all pages, when the API sent it.
	 * @return the total, or {@code null}
	 */
	@Nullable Long total();

}
