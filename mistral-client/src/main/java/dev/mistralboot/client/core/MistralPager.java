package dev.mistralboot.client.core;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

/**
 * Walks every page of a paginated list endpoint, lazily: page {@code firstPage} is
 * requested when the first item is asked for, the next page only when the items of the
 * previous one have been consumed. Walking stops after a page that is empty, or when
 * {@code total} items have been seen (when the API sends a total), or, without a total,
 * after a page shorter than the page size.
 * <p>
 * A family client builds the fetcher (a function from page number to {@link Page});
 * failures of a page request propagate from the iterator as the usual
 * {@link MistralException}s.
 *
 * <pre>{@code
 * try (Stream<FileObject> all = files.listAll(ListFilesRequest.builder().purpose(FilePurpose.BATCH).build())) {
 *     all.forEach(file -> System.out.println(file.filename()));
 * }
 * }</pre>
 */
public final class MistralPager {

	private MistralPager() {
	}

	/**
	 * Items of all pages as a lazy, sequential stream.
	 * @param <T> the item type
	 * @param firstPage the number of the first page requested (0 for the start)
	 * @param pageSize the page size asked for (used to detect the last page when no total
	 * is sent)
	 * @param fetcher requests one page by number
	 * @return the items of every page, in order
	 * @throws IllegalArgumentException when {@code firstPage} is negative or
	 * {@code pageSize} is not positive
	 */
	public static <T> Stream<T> stream(int firstPage, int pageSize, IntFunction<? extends Page<? extends T>> fetcher) {
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(firstPage, pageSize, fetcher),
				Spliterator.ORDERED | Spliterator.NONNULL), false);
	}

	/**
	 * Items of all pages as a lazy iterator.
	 * @param <T> the item type
	 * @param firstPage the number of the first page requested (0 for the start)
	 * @param pageSize the page size asked for (used to detect the last page when no total
	 * is sent)
	 * @param fetcher requests one page by number
	 * @return an iterator over the items of every page
	 * @throws IllegalArgumentException when {@code firstPage} is negative or
	 * {@code pageSize} is not positive
	 */
	public static <T> Iterator<T> iterator(int firstPage, int pageSize,
			IntFunction<? extends Page<? extends T>> fetcher) {
		if (firstPage < 0) {
			throw new IllegalArgumentException("The first page must not be negative, was " + firstPage);
		}
		if (pageSize < 1) {
			throw new IllegalArgumentException("The page size must be at least 1, was " + pageSize);
		}
		return new PageIterator<>(firstPage, pageSize, Objects.requireNonNull(fetcher, "fetcher"));
	}

	private static final class PageIterator<T> implements Iterator<T> {

		private final int pageSize;

		private final IntFunction<? extends Page<? extends T>> fetcher;

		private int nextPage;

		private long seen;

		private List<? extends T> current = List.of();

		private int index;

		private boolean last;

		PageIterator(int firstPage, int pageSize, IntFunction<? extends Page<? extends T>> fetcher) {
			this.nextPage = firstPage;
			this.pageSize = pageSize;
			this.fetcher = fetcher;
			// items on the pages skipped by a later first page count towards the total
			this.seen = (long) firstPage * pageSize;
		}

		@Override
		public boolean hasNext() {
			while (this.index >= this.current.size()) {
				if (this.last) {
					return false;
				}
				fetch();
			}
			return true;
		}

		@Override
		public T next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.current.get(this.index++);
		}

		private void fetch() {
			Page<? extends T> page = this.fetcher.apply(this.nextPage++);
			List<? extends T> data = (page != null) ? page.data() : null;
			this.current = (data != null) ? data : List.of();
			this.index = 0;
			this.seen += this.current.size();
			@Nullable Long total = (page != null) ? page.total() : null;
			if (this.current.isEmpty()) {
				this.last = true;
			}
			else if (total != null) {
				this.last = this.seen >= total;
			}
			else {
				this.last = this.current.size() < this.pageSize;
			}
		}

	}

}
