package dev.mistralboot.client.libraries;

import dev.mistralboot.client.core.Page;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link DocumentList}, which the generated record implements: a
 * {@link Page} whose total comes from its pagination, so that
 * {@link dev.mistralboot.client.core.MistralPager} walks documents like files.
 */
public interface DocumentListSupport extends Page<Document> {

	/**
	 * Page numbers and counts.
	 * @return the pagination, or {@code null} when the API left it out
	 */
	@Nullable PaginationInfo pagination();

	/**
	 * The number of documents across all pages, from the pagination.
	 * @return the total, or {@code null} when the API did not send it
	 */
	@Override
	default @Nullable Long total() {
		PaginationInfo pagination = pagination();
		return (pagination != null) ? pagination.totalItems() : null;
	}

}
