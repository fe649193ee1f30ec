package dev.mistralboot.client.core;

import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reactive twin of {@link MistralPager}: every item of a paginated list endpoint as a
 * {@link Flux}, page by page on demand. Page {@code firstPage} is requested when the
 * subscriber asks for the first item, the next page only once every item of the previous
 * one has been delivered and more are asked for; cancelling stops the walk. Walking stops
 * after a page that is empty, or when {@code total} items have been seen (when the API
 * sends a total), or, without a total, after a page shorter than the page size.
 *
 * <pre>{@code
 * files.listAll(ListFilesRequest.builder().purpose(FilePurpose.BATCH).build())
 *     .map(FileObject::filename)
 *     .subscribe(System.out::println);
 * }</pre>
 */
public final class ReactiveMistralPager {

	private ReactiveMistralPager() {
	}

	/**
	 * Items of all pages, fetched lazily.
	 * @param <T> the item type
	 * @param firstPage the number of the first page requested (0 for the start)
	 * @param pageSize the page size asked for (used to detect the last page when no total
	 * is sent)
	 * @param fetcher requests one page by number (a call made on subscription)
	 * @return the items of every page, in order; a failing page request ends it with the
	 * usual {@link MistralException}
	 * @throws IllegalArgumentException when {@code firstPage} is negative or
	 * {@code pageSize} is not positive
	 */
	public static <T> Flux<T> flux(int firstPage, int pageSize,
			IntFunction<? extends Mono<? extends Page<? extends T>>> fetcher) {
		if (firstPage < 0) {
			throw new IllegalArgumentException("The first page must not be negative, was " + firstPage);
		}
		if (pageSize < 1) {
			throw new IllegalArgumentException("The page size must be at least 1, was " + pageSize);
		}
		Objects.requireNonNull(fetcher, "fetcher");
		return Flux.defer(() -> {
			Walk walk = new Walk(firstPage, pageSize);
			Mono<Page<? extends T>> page = Mono.defer(() -> {
				Mono<? extends Page<? extends T>> fetched = fetcher.apply(walk.nextPage++);
				// an answer without a page ends the walk
				return fetched.<Page<? extends T>>map((value) -> value)
					.switchIfEmpty(Mono.fromRunnable(() -> walk.last = true));
			});
			return page.repeat(() -> !walk.last)
				.<List<? extends T>>map((fetched) -> walk.seen(fetched))
				// no prefetch: the next page is asked for only once this one is delivered
				.concatMap(Flux::fromIterable, 0);
		});
	}

	/** Where a walk stands. */
	private static final class Walk {

		private final int pageSize;

		private int nextPage;

		private long seen;

		private volatile boolean last;

		Walk(int firstPage, int pageSize) {
			this.nextPage = firstPage;
			this.pageSize = pageSize;
			// items on the pages skipped by a later first page count towards the total
			this.seen = (long) firstPage * pageSize;
		}

		<T> List<? extends T> seen(Page<? extends T> page) {
			List<? extends T> data = page.data();
			List<? extends T> items = (data != null) ? data : List.of();
			this.seen += items.size();
			@Nullable Long total = page.total();
			if (items.isEmpty()) {
				this.last = true;
			}
			else if (total != null) {
				this.last = this.seen >= total;
			}
			else {
				this.last = items.size() < this.pageSize;
			}
			return items;
		}

	}

}
