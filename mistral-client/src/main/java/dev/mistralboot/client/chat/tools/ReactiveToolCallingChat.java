package dev.mistralboot.client.chat.tools;

import java.util.Objects;

import dev.mistralboot.client.chat.ChatCompletionAccumulator;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.ReactiveMistralChatClient;
import io.micrometer.observation.Observation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The reactive twin of {@link ToolCallingChat}: sends the registry's tools with the
 * request, runs the tool calls the model asks for (several in one answer too, in order),
 * sends the results back as {@code tool} messages, and repeats until the model answers
 * without calls, with the same limit of rounds
 * ({@link MistralToolRoundsExceededException}), the same failure policy and the same
 * handling of the request's tools and {@code tool_choice}. Get one from
 * {@link ReactiveMistralChatClient#withTools(ToolRegistry)}:
 *
 * <pre>{@code
 * Mono<String> answer = reactiveChat.withTools(tools)
 *     .complete(ChatCompletionRequest.builder().user("What's the status of my transaction T1001?").build())
 *     .map(ToolConversation::text);
 * }</pre>
 *
 * <b>Tool methods are blocking code</b> (a {@link MistralTool} method may call a database
 * or another service): the calls of each answer run, in order, on a
 * {@link Schedulers#boundedElastic() bounded elastic} worker, never on the event loop
 * that delivered the answer. Choose another scheduler with {@link #scheduler(Scheduler)}.
 * The observation of the subscriber's Reactor context (a WebFlux request's, for one) is
 * in scope while they run, so what they observe joins the caller's trace. Nothing happens
 * until subscription; each subscription runs its own conversation, and cancelling it
 * stops the conversation (a tool call already running finishes first).
 * <p>
 * Immutable and thread-safe: {@link #maxRounds(int)}, {@link #failurePolicy} and
 * {@link #scheduler(Scheduler)} return new instances.
 */
public final class ReactiveToolCallingChat {

	/** Where Micrometer keeps the current observation in a Reactor context. */
	private static final String OBSERVATION_KEY = "micrometer.observation";

	private final ReactiveMistralChatClient chat;

	private final ToolRegistry registry;

	private final int maxRounds;

	private final ToolFailurePolicy failurePolicy;

	private final Scheduler scheduler;

	/**
	 * Creates a chat with the registry's settings, running tool calls on
	 * {@link Schedulers#boundedElastic()}.
	 * @param chat the reactive chat client
	 * @param registry the tools
	 */
	public ReactiveToolCallingChat(ReactiveMistralChatClient chat, ToolRegistry registry) {
		this(chat, registry, registry.maxRounds(), registry.failurePolicy(), Schedulers.boundedElastic());
	}

	private ReactiveToolCallingChat(ReactiveMistralChatClient chat, ToolRegistry registry, int maxRounds,
			ToolFailurePolicy failurePolicy, Scheduler scheduler) {
		this.chat = Objects.requireNonNull(chat, "chat");
		this.registry = Objects.requireNonNull(registry, "registry");
		this.maxRounds = ToolRegistry.checkMaxRounds(maxRounds);
		this.failurePolicy = Objects.requireNonNull(failurePolicy, "failurePolicy");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
	}

	/**
	 * The same chat with another limit of tool rounds.
	 * @param maxRounds the most tool rounds, at least 1
	 * @return a new chat
	 */
	public ReactiveToolCallingChat maxRounds(int maxRounds) {
		return new ReactiveToolCallingChat(this.chat, this.registry, maxRounds, this.failurePolicy, this.scheduler);
	}

	/**
	 * The same chat with another failure policy.
	 * @param failurePolicy what to do when a tool call fails
	 * @return a new chat
	 */
	public ReactiveToolCallingChat failurePolicy(ToolFailurePolicy failurePolicy) {
		return new ReactiveToolCallingChat(this.chat, this.registry, this.maxRounds, failurePolicy, this.scheduler);
	}

	/**
	 * The same chat running tool calls on another scheduler. It must allow blocking:
	 * never give it an event loop ({@link Schedulers#parallel()} or Netty's threads).
	 * @param scheduler where tool calls run
	 * @return a new chat
	 */
	public ReactiveToolCallingChat scheduler(Scheduler scheduler) {
		return new ReactiveToolCallingChat(this.chat, this.registry, this.maxRounds, this.failurePolicy, scheduler);
	}

	/**
	 * The tools offered.
	 * @return the registry
	 */
	public ToolRegistry registry() {
		return this.registry;
	}

	/**
	 * Runs the conversation to the model's final answer.
	 * @param request the request (its messages start the conversation)
	 * @return the final answer and the whole conversation; fails with a
	 * {@link MistralToolRoundsExceededException} when the model still asks for calls
	 * after {@code maxRounds} tool rounds, a {@link MistralToolException} when a call
	 * fails under {@link ToolFailurePolicy#THROW}, or a
	 * {@link dev.mistralboot.client.core.MistralException} when a call to the API fails
	 */
	public Mono<ToolConversation> complete(ChatCompletionRequest request) {
		Objects.requireNonNull(request, "request");
		return Mono.defer(() -> round(newRounds(request)));
	}

	/**
	 * Streams the conversation: the text of every answer as it is generated, with the
	 * tool rounds run in between (each round's answer is streamed and folded with
	 * {@link ChatCompletionAccumulator}; when it ends with calls they are run and the
	 * next answer is streamed). Pieces are never empty. Fails as
	 * {@link #complete(ChatCompletionRequest)} does, after the pieces that came before
	 * the failure; a stream cut before its {@code [DONE]} fails with a
	 * {@link dev.mistralboot.client.core.MistralStreamException}. Unlike the blocking
	 * {@link ToolCallingStream}, the conversation itself is not kept: use
	 * {@link #complete(ChatCompletionRequest)} when it is needed.
	 * @param request the request (its messages start the conversation)
	 * @return the text pieces
	 */
	public Flux<String> stream(ChatCompletionRequest request) {
		Objects.requireNonNull(request, "request");
		return Flux.defer(() -> streamRound(newRounds(request)));
	}

	private ToolRounds newRounds(ChatCompletionRequest request) {
		return new ToolRounds(this.registry, this.maxRounds, this.failurePolicy, request);
	}

	private Mono<ToolConversation> round(ToolRounds rounds) {
		return this.chat.complete(rounds.nextRequest())
			.flatMap((response) -> answered(rounds, response))
			.flatMap((done) -> done ? Mono.fromSupplier(rounds::result) : round(rounds));
	}

	private Flux<String> streamRound(ToolRounds rounds) {
		ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
		Flux<String> pieces = this.chat.stream(rounds.nextRequest())
			.map((chunk) -> accumulator.add(chunk).text())
			.filter((text) -> !text.isEmpty());
		return pieces.concatWith(Mono.defer(() -> answered(rounds, accumulator.toResponse()))
			.flatMapMany((done) -> done ? Flux.<String>empty() : streamRound(rounds)));
	}

	/**
	 * Takes an answer; its tool calls, if any, run on the scheduler, inside the scope of
	 * the subscriber's observation (from the Reactor context, as a WebFlux server puts it
	 * there), so that what the tools observe joins the caller's trace.
	 */
	private Mono<Boolean> answered(ToolRounds rounds, ChatCompletionResponse response) {
		if (!ToolRounds.callsTools(response)) {
			return Mono.fromCallable(() -> rounds.answered(response));
		}
		return Mono.deferContextual((context) -> {
			Object parent = context.getOrDefault(OBSERVATION_KEY, null);
			if (!(parent instanceof Observation observation) || observation.isNoop()) {
				return Mono.fromCallable(() -> rounds.answered(response));
			}
			return Mono.fromCallable(() -> {
				try (Observation.Scope scope = observation.openScope()) {
					return rounds.answered(response);
				}
			});
		}).subscribeOn(this.scheduler);
	}

}
