package dev.mistralboot.client.core;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * The reactive twin of {@link GuardedRequestFactory}'s timers, for one attempt of a
 * non-streaming call: the upload may not stall for longer than the upload timeout, and
 * the response timeout bounds the whole answer counted from the end of the upload. The
 * {@link #FILTER} (added to the core's {@code WebClient}) reports the upload's progress
 * to the timer found in the Reactor context.
 */
final class ReactiveExchangeTimer {

	/**
	 * Watches the request body of every exchange that carries a timer in its context.
	 */
	static final ExchangeFilterFunction FILTER = (request, next) -> Mono.deferContextual((context) -> {
		ReactiveExchangeTimer timer = context.getOrDefault(ReactiveExchangeTimer.class, null);
		if (timer == null) {
			return next.exchange(request);
		}
		ClientRequest watched = ClientRequest.from(request)
			.body((message, insertContext) -> request.body().insert(new ClientHttpRequestDecorator(message) {

				@Override
				public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
					timer.uploading();
					return super.writeWith(Flux.from(body).doOnNext((buffer) -> timer.wrote()))
						.doOnSuccess((done) -> timer.uploaded());
				}

				@Override
				public Mono<Void> setComplete() {
					return super.setComplete().doOnSuccess((done) -> timer.uploaded());
				}

			}, insertContext))
			.build();
		return next.exchange(watched);
	});

	private final Duration responseTimeout;

	private final Duration uploadTimeout;

	private final Sinks.One<Void> uploaded = Sinks.one();

	private final Sinks.One<Void> stalled = Sinks.one();

	private @Nullable IdleWatchdog watchdog;

	ReactiveExchangeTimer(Duration responseTimeout, Duration uploadTimeout) {
		this.responseTimeout = responseTimeout;
		this.uploadTimeout = uploadTimeout;
	}

	private synchronized void uploading() {
		if (this.watchdog == null) {
			this.watchdog = new IdleWatchdog(this.uploadTimeout,
					() -> this.stalled.tryEmitError(new Failures.UploadStalledException(this.uploadTimeout,
							new IOException("no byte of the body was sent for " + this.uploadTimeout))));
		}
	}

	private void wrote() {
		IdleWatchdog dog = this.watchdog;
		if (dog != null) {
			dog.touch();
		}
	}

	private synchronized void uploaded() {
		if (this.watchdog != null) {
			this.watchdog.stop();
		}
		this.uploaded.tryEmitEmpty();
	}

	/**
	 * Bounds a call: it fails with a {@link TimeoutException} when the answer is not
	 * complete within the response timeout after the upload, or with an
	 * {@link Failures.UploadStalledException} when the upload stalls.
	 * @param <T> the answer type
	 * @param call the call, which must carry this timer in its context
	 * @return the bounded call
	 */
	<T> Mono<T> bound(Mono<T> call) {
		Mono<T> late = this.uploaded.asMono()
			.then(Mono.delay(this.responseTimeout))
			.then(Mono.error(() -> new TimeoutException("no complete answer within " + this.responseTimeout)));
		Mono<T> stall = this.stalled.asMono().then(Mono.never());
		return Mono
			.firstWithSignal(call.contextWrite((context) -> context.put(ReactiveExchangeTimer.class, this)), late,
					stall)
			.doFinally((signal) -> stop());
	}

	private synchronized void stop() {
		if (this.watchdog != null) {
			this.watchdog.stop();
		}
	}

}
