package dev.mistralboot.client.core;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

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
		return Flux.create((FluxSink<T> sink) -> new Walker<>(new Walk<T>(firstPage, pageSize, fetcher), sink).start());
	}

	/**
	 * Items of all pages of a list endpoint that hands out a token for the next page,
	 * fetched lazily as {@link #flux} does. Walking stops after a page without items or
	 * without a next token.
	 * @param <P> the page type
	 * @param <T> the item type
	 * @param fetcher requests one page: {@code null} for the first, else the token the
	 * previous page gave (a call made on subscription)
	 * @param items the items of a page
	 * @param nextToken the token of the page after a page, or {@code null}
	 * @return the items of every page, in order
	 */
	public static <P, T> Flux<T> fluxByToken(Function<@Nullable String, ? extends Mono<? extends P>> fetcher,
			Function<? super P, ? extends @Nullable List<? extends T>> items,
			Function<? super P, @Nullable String> nextToken) {
		Objects.requireNonNull(fetcher, "fetcher");
		Objects.requireNonNull(items, "items");
		Objects.requireNonNull(nextToken, "nextToken");
		return Flux
			.create((FluxSink<T> sink) -> new Walker<>(new TokenWalk<P, T>(fetcher, items, nextToken), sink).start());
	}

	/**
	 * How one kind of walk fetches its next page and reads a page; called by one drain
	 * loop at a time.
	 */
	private interface Steps<P, T> {

		Mono<? extends P> fetch();

		/** The items of a page; records whether it was the last. */
		List<? extends T> items(P page);

		/** An answer without a page: the walk ends. */
		void noPage();

		boolean last();

	}

	/**
	 * Fetches one page at a time, and only while the subscriber has asked for more items
	 * than the pages so far held. A page's items all go to the sink, which keeps those
	 * not asked for yet. One drain loop makes every decision, so fetches never overlap
	 * and a page answered on the calling thread does not recurse.
	 */
	private static final class Walker<P, T> {

		private static final Object NO_PAGE = new Object();

		private final Steps<P, T> steps;

		private final FluxSink<T> sink;

		private final AtomicInteger work = new AtomicInteger();

		private final AtomicLong requested = new AtomicLong();

		/** A page that arrived (or {@link #NO_PAGE}), not handled yet. */
		private final AtomicReference<@Nullable Object> arrived = new AtomicReference<>();

		private volatile boolean cancelled;

		private volatile @Nullable Disposable inFlight;

		// touched by the drain loop only
		private long emitted;

		private boolean fetching;

		private boolean done;

		Walker(Steps<P, T> steps, FluxSink<T> sink) {
			this.steps = steps;
			this.sink = sink;
		}

		void start() {
			this.sink.onDispose(() -> {
				this.cancelled = true;
				drain();
			});
			// called at once with the demand already made, then for every request
			this.sink.onRequest((n) -> {
				this.requested.accumulateAndGet(n, Operators::addCap);
				drain();
			});
		}

		private void drain() {
			if (this.work.getAndIncrement() != 0) {
				return;
			}
			int missed = 1;
			do {
				if (this.cancelled) {
					Disposable fetch = this.inFlight;
					if (fetch != null) {
						fetch.dispose();
					}
					this.done = true;
				}
				Object page = this.arrived.getAndSet(null);
				if (page != null && !this.done) {
					this.fetching = false;
					deliver(page);
				}
				if (!this.done && !this.fetching && this.requested.get() > this.emitted) {
					this.fetching = true;
					fetch();
				}
				missed = this.work.addAndGet(-missed);
			}
			while (missed != 0);
		}

		@SuppressWarnings("unchecked")
		private void deliver(Object page) {
			if (page == NO_PAGE) {
				this.steps.noPage();
			}
			else {
				for (T item : this.steps.items((P) page)) {
					this.sink.next(item);
					this.emitted++;
				}
			}
			if (this.steps.last()) {
				this.done = true;
				this.sink.complete();
			}
		}

		private void fetch() {
			AtomicReference<@Nullable Object> received = new AtomicReference<>(NO_PAGE);
			this.inFlight = Mono.defer(this.steps::fetch)
				.contextWrite(this.sink.contextView())
				.subscribe(received::set, this.sink::error, () -> {
					this.arrived.set(received.get());
					drain();
				});
		}

	}

	/** A walk by page number. */
	private static final class Walk<T> implements Steps<Page<? extends T>, T> {

		private final int pageSize;

		private final IntFunction<? extends Mono<? extends Page<? extends T>>> fetcher;

		private int nextPage;

		private long seen;

		private boolean last;

		Walk(int firstPage, int pageSize, IntFunction<? extends Mono<? extends Page<? extends T>>> fetcher) {
			this.nextPage = firstPage;
			this.pageSize = pageSize;
			this.fetcher = fetcher;
			// items on the pages skipped by a later first page count towards the total
			this.seen = (long) firstPage * pageSize;
		}

		@Override
		public Mono<? extends Page<? extends T>> fetch() {
			return this.fetcher.apply(this.nextPage++);
		}

		@Override
		public List<? extends T> items(Page<? extends T> page) {
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

		@Override
		public void noPage() {
			this.last = true;
		}

		@Override
		public boolean last() {
			return this.last;
		}

	}

	/** A walk by next-page token. */
	private static final class TokenWalk<P, T> implements Steps<P, T> {

		private final Function<@Nullable String, ? extends Mono<? extends P>> fetcher;

		private final Function<? super P, ? extends @Nullable List<? extends T>> items;

		private final Function<? super P, @Nullable String> nextToken;

		private @Nullable String token;

		private boolean last;

		TokenWalk(Function<@Nullable String, ? extends Mono<? extends P>> fetcher,
				Function<? super P, ? extends @Nullable List<? extends T>> items,
				Function<? super P, @Nullable String> nextToken) {
			this.fetcher = fetcher;
			this.items = items;
			this.nextToken = nextToken;
		}

		@Override
		public Mono<? extends P> fetch() {
			return this.fetcher.apply(this.token);
		}

		@Override
		public List<? extends T> items(P page) {
			List<? extends T> data = this.items.apply(page);
			List<? extends T> items = (data != null) ? data : List.of();
			this.token = this.nextToken.apply(page);
			this.last = items.isEmpty() || this.token == null || this.token.isEmpty();
			return items;
		}

		@Override
		public void noPage() {
			this.last = true;
		}

		@Override
		public boolean last() {
			return this.last;
		}

	}

}
