package dev.mistralboot.client.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mistralboot.client.test.RecordingScheduler;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ReactiveJobPoller} on a {@link RecordingScheduler}: reads, waits and the timeout
 * counted, never timed; and {@link ReactiveMistralPager} asking for pages on demand.
 */
class ReactiveJobPollerTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	private final RecordingScheduler clock = new RecordingScheduler();

	private final AtomicInteger reads = new AtomicInteger();

	private Mono<String> reading(String... statuses) {
		return Mono.fromCallable(() -> statuses[Math.min(this.reads.getAndIncrement(), statuses.length - 1)]);
	}

	@Test
	void readsUntilDoneReportingEachChangeOnce() {
		List<String> changes = new CopyOnWriteArrayList<>();
		ReactiveJobPoller poller = new ReactiveJobPoller(Duration.ofSeconds(5), Duration.ofMinutes(1), this.clock);

		String done = poller
			.await("job j", reading("QUEUED", "QUEUED", "RUNNING", "RUNNING", "SUCCESS"), (status) -> status,
					"SUCCESS"::equals, changes::add)
			.block(WAIT);

		assertThat(done).isEqualTo("SUCCESS");
		assertThat(changes).containsExactly("QUEUED", "RUNNING", "SUCCESS");
		assertThat(this.reads).hasValue(5);
		assertThat(this.clock.delays()).hasSize(4).allMatch(Duration.ofSeconds(5)::equals);
	}

	@Test
	void aJobDoneAtTheFirstReadIsNeverWaitedFor() {
		ReactiveJobPoller poller = new ReactiveJobPoller(Duration.ofSeconds(5), Duration.ofMinutes(1), this.clock);

		StepVerifier.create(poller.await("job j", reading("SUCCESS"), (status) -> status, "SUCCESS"::equals, (job) -> {
		})).expectNext("SUCCESS").verifyComplete();

		assertThat(this.clock.delays()).isEmpty();
	}

	@Test
	void theTimeoutEndsWithTheLastJobAfterAShortenedLastWait() {
		ReactiveJobPoller poller = new ReactiveJobPoller(Duration.ofSeconds(4), Duration.ofSeconds(10), this.clock);

		StepVerifier.create(poller.await("job j", reading("RUNNING"), (status) -> status, "SUCCESS"::equals, (job) -> {
		}))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralJobTimeoutException.class)
				.hasMessage("The job j is still RUNNING after PT10S; it goes on: wait again, cancel it, "
						+ "or raise the poll timeout")
				.satisfies((timeout) -> assertThat(((MistralJobTimeoutException) timeout).getLastSeen())
					.isEqualTo("RUNNING")))
			.verify(WAIT);
		assertThat(this.reads).hasValue(4);
		assertThat(this.clock.delays()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4),
				Duration.ofSeconds(2));
	}

	@Test
	void aFailedReadEndsThePolling() {
		ReactiveJobPoller poller = new ReactiveJobPoller(Duration.ofSeconds(4), Duration.ofSeconds(10), this.clock);
		Mono<String> failing = Mono.fromCallable(() -> {
			if (this.reads.incrementAndGet() == 2) {
				throw new IllegalStateException("down");
			}
			return "RUNNING";
		});

		StepVerifier.create(poller.await("job j", failing, (status) -> status, "SUCCESS"::equals, (job) -> {
		})).expectErrorMessage("down").verify(WAIT);
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void settingsThatAreNotPositiveAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReactiveJobPoller.of(Duration.ZERO, Duration.ofHours(1)))
			.withMessage("The poll interval must be positive, was PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReactiveJobPoller.of(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
			.withMessage("The poll timeout must be positive, was PT-1S");
		ReactiveJobPoller fromBlocking = ReactiveJobPoller.of(JobPoller.of(Duration.ofSeconds(3), Duration.ofHours(2)));
		assertThat(fromBlocking.interval()).isEqualTo(Duration.ofSeconds(3));
		assertThat(fromBlocking.timeout()).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void pagesAreFetchedOnlyWhenTheirItemsAreWanted() {
		List<Integer> fetched = new CopyOnWriteArrayList<>();
		List<List<String>> pages = List.of(List.of("a", "b"), List.of("c", "d"), List.of("e"));

		assertThat(ReactiveMistralPager.<String>flux(0, 2, (page) -> Mono.fromCallable(() -> {
			fetched.add(page);
			return new TestPage(pages.get(page), null);
		})).take(3).collectList().block(WAIT)).containsExactly("a", "b", "c");
		assertThat(fetched).containsExactly(0, 1);

		fetched.clear();
		assertThat(ReactiveMistralPager.<String>flux(0, 2, (page) -> Mono.fromCallable(() -> {
			fetched.add(page);
			return new TestPage(pages.get(page), 5L);
		})).collectList().block(WAIT)).containsExactly("a", "b", "c", "d", "e");
		assertThat(fetched).containsExactly(0, 1, 2);

		AtomicInteger calls = new AtomicInteger();
		assertThat(ReactiveMistralPager.<String>flux(0, 2,
				(page) -> (calls.getAndIncrement() == 0) ? Mono.just(new TestPage(List.of("x", "y"), null))
						: Mono.empty())
			.collectList()
			.block(WAIT)).as("an answer without a page ends the walk").containsExactly("x", "y");
		assertThat(calls).hasValue(2);
		assertThatIllegalArgumentException().isThrownBy(() -> ReactiveMistralPager.flux(-1, 2, (page) -> Mono.empty()))
			.withMessageContaining("must not be negative");
	}

	@Test
	void theNextPageIsFetchedOnlyWhenMoreItemsAreAskedFor() {
		List<Integer> fetched = new CopyOnWriteArrayList<>();
		List<List<String>> pages = List.of(List.of("a"), List.of("b", "c"), List.of("d"));
		Flux<String> all = ReactiveMistralPager.flux(0, 2, (page) -> Mono.fromCallable(() -> {
			fetched.add(page);
			return new TestPage(pages.get(page), 4L);
		}));

		StepVerifier.create(all, 0)
			.then(() -> assertThat(fetched).as("nothing before the first request").isEmpty())
			.thenRequest(1)
			.expectNext("a")
			.then(() -> assertThat(fetched).as("one item asked for, one page held it").containsExactly(0))
			.thenRequest(1)
			.expectNext("b")
			.then(() -> assertThat(fetched).containsExactly(0, 1))
			.thenRequest(1)
			.expectNext("c")
			.then(() -> assertThat(fetched).as("c was held by page 1").containsExactly(0, 1))
			.thenRequest(5)
			.expectNext("d")
			.verifyComplete();
		assertThat(fetched).containsExactly(0, 1, 2);
	}

	@Test
	void pagesAnsweredOnAnotherThreadArriveInOrderAndAFailureEndsTheWalk() {
		Flux<String> all = ReactiveMistralPager.flux(0, 1,
				(page) -> (page < 50)
						? Mono.fromCallable(() -> new TestPage(List.of("p" + page), null))
							.subscribeOn(Schedulers.parallel())
						: Mono.error(new IllegalStateException("page " + page)));
		StepVerifier.create(all.collectList())
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessage("page 50"))
			.verify(WAIT);
		assertThat(ReactiveMistralPager.flux(0, 1, (page) -> Mono.just(new TestPage(List.of("p" + page), 20_000L)))
			.collectList()
			.block(WAIT)).as("synchronous pages do not recurse")
			.hasSize(20_000)
			.startsWith("p0", "p1")
			.endsWith("p19999");
	}

	@Test
	void cancellingStopsTheFetchInFlightAndThePagerSeesTheSubscribersContext() {
		AtomicInteger subscribed = new AtomicInteger();
		AtomicInteger cancelled = new AtomicInteger();
		List<Object> seen = new CopyOnWriteArrayList<>();
		Flux<String> all = ReactiveMistralPager.flux(0, 2, (page) -> Mono.deferContextual((context) -> {
			seen.add(context.getOrDefault("caller", "none"));
			return Mono.<Page<String>>never();
		}).doOnSubscribe((s) -> subscribed.incrementAndGet()).doOnCancel(cancelled::incrementAndGet));
		StepVerifier.create(all.contextWrite(Context.of("caller", "me")))
			.then(() -> assertThat(subscribed).hasValue(1))
			.thenCancel()
			.verify(WAIT);
		assertThat(cancelled).hasValue(1);
		assertThat(seen).containsExactly("me");
	}

	record TestPage(List<String> data, @Nullable Long total) implements Page<String> {

	}

}
