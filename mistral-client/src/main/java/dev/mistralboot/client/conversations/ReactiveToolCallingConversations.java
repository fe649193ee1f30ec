package dev.mistralboot.client.conversations;

import java.util.Objects;

import dev.mistralboot.client.chat.tools.MistralTool;
import dev.mistralboot.client.chat.tools.MistralToolException;
import dev.mistralboot.client.chat.tools.ToolFailurePolicy;
import dev.mistralboot.client.chat.tools.ToolRegistry;
import io.micrometer.observation.Observation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The reactive twin of {@link ToolCallingConversations}: the same loop (function calls
 * run with the registry's tools, {@code function.result} entries appended to the same
 * conversation until an answer has no call left), the same limit of rounds
 * ({@link MistralConversationToolRoundsExceededException}), the same failure policy and
 * the same handling of tools, {@code tool_choice} and calls waiting for confirmation. Get
 * one from {@link ReactiveMistralConversationsClient#withTools(ToolRegistry)}:
 *
 * <pre>{@code
 * Mono<String> answer = reactiveConversations.withTools(tools)
 *     .start(ConversationRequest.builder().model("mistral-medium-latest").inputs("Where is my payment T1001?").build())
 *     .map(ToolCallingTurn::text);
 * }</pre>
 *
 * <b>Tool methods are blocking code</b> (a {@link MistralTool} method may call a database
 * or another service): the calls of each answer run, in order, on a
 * {@link Schedulers#boundedElastic() bounded elastic} worker, never on the event loop
 * that delivered the answer; choose another scheduler with {@link #scheduler(Scheduler)}.
 * The observation of the subscriber's Reactor context is in scope while they run. Nothing
 * happens until subscription; each subscription runs its own turn, and cancelling it
 * stops the turn (a tool call already running finishes first).
 * <p>
 * Immutable and thread-safe: {@link #maxRounds(int)}, {@link #failurePolicy} and
 * {@link #scheduler(Scheduler)} return new instances.
 */
public final class ReactiveToolCallingConversations {

	/** Where Micrometer keeps the current observation in a Reactor context. */
	private static final String OBSERVATION_KEY = "micrometer.observation";

	private final ReactiveMistralConversationsClient conversations;

	private final ToolRegistry registry;

	private final int maxRounds;

	private final ToolFailurePolicy failurePolicy;

	private final Scheduler scheduler;

	/**
	 * Creates the loop with the registry's settings, running tool calls on
	 * {@link Schedulers#boundedElastic()}.
	 * @param conversations the reactive conversations client
	 * @param registry the tools
	 */
	public ReactiveToolCallingConversations(ReactiveMistralConversationsClient conversations, ToolRegistry registry) {
		this(conversations, registry, registry.maxRounds(), registry.failurePolicy(), Schedulers.boundedElastic());
	}

	private ReactiveToolCallingConversations(ReactiveMistralConversationsClient conversations, ToolRegistry registry,
			int maxRounds, ToolFailurePolicy failurePolicy, Scheduler scheduler) {
		this.conversations = Objects.requireNonNull(conversations, "conversations");
		this.registry = Objects.requireNonNull(registry, "registry");
		this.maxRounds = ConversationToolRounds.checkMaxRounds(maxRounds);
		this.failurePolicy = Objects.requireNonNull(failurePolicy, "failurePolicy");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
	}

	/**
	 * The same loop with another limit of tool rounds.
	 * @param maxRounds the most tool rounds of one turn, at least 1
	 * @return a new loop
	 */
	public ReactiveToolCallingConversations maxRounds(int maxRounds) {
		return new ReactiveToolCallingConversations(this.conversations, this.registry, maxRounds, this.failurePolicy,
				this.scheduler);
	}

	/**
	 * The same loop with another failure policy.
	 * @param failurePolicy what to do when a tool call fails
	 * @return a new loop
	 */
	public ReactiveToolCallingConversations failurePolicy(ToolFailurePolicy failurePolicy) {
		return new ReactiveToolCallingConversations(this.conversations, this.registry, this.maxRounds, failurePolicy,
				this.scheduler);
	}

	/**
	 * The same loop running tool calls on another scheduler. It must allow blocking:
	 * never give it an event loop ({@link Schedulers#parallel()} or Netty's threads).
	 * @param scheduler where tool calls run
	 * @return a new loop
	 */
	public ReactiveToolCallingConversations scheduler(Scheduler scheduler) {
		return new ReactiveToolCallingConversations(this.conversations, this.registry, this.maxRounds,
				this.failurePolicy, scheduler);
	}

	/**
	 * The tools offered.
	 * @return the registry
	 */
	public ToolRegistry registry() {
		return this.registry;
	}

	/**
	 * Starts a conversation and runs its function calls until the model answers without
	 * one.
	 * @param request the first inputs and the agent or model
	 * @return the final answer and every entry of the way; fails with a
	 * {@link MistralConversationToolRoundsExceededException} when the model still asks
	 * for calls after {@code maxRounds} tool rounds, a {@link MistralToolException} when
	 * a call fails under {@link ToolFailurePolicy#THROW}, or a
	 * {@link dev.mistralboot.client.core.MistralException} when a call to the API fails
	 */
	public Mono<ToolCallingTurn> start(ConversationRequest request) {
		Objects.requireNonNull(request, "request");
		return Mono
			.defer(() -> round(ConversationToolRounds.start(this.registry, this.maxRounds, this.failurePolicy, request),
					this.conversations.start(withRegistryTools(request))));
	}

	/**
	 * Appends entries to a conversation and runs the function calls of the answers until
	 * the model answers without one.
	 * @param conversationId the conversation
	 * @param request the new entries (a user message, say)
	 * @return the final answer and every entry of the way; fails as
	 * {@link #start(ConversationRequest)} does
	 */
	public Mono<ToolCallingTurn> append(String conversationId, AppendConversationRequest request) {
		Objects.requireNonNull(conversationId, "conversationId");
		Objects.requireNonNull(request, "request");
		return Mono.defer(() -> round(ConversationToolRounds.append(this.registry, this.maxRounds, this.failurePolicy,
				conversationId, request), this.conversations.append(conversationId, request)));
	}

	/**
	 * Restarts a conversation from one of its entries and runs the function calls of the
	 * answers until the model answers without one; the calls' results are appended to the
	 * new conversation the restart makes, whose id the turn holds.
	 * @param conversationId the conversation restarted from
	 * @param request the entry to restart from and the inputs that follow it
	 * @return the final answer and every entry of the way; fails as
	 * {@link #start(ConversationRequest)} does
	 */
	public Mono<ToolCallingTurn> restart(String conversationId, RestartConversationRequest request) {
		Objects.requireNonNull(conversationId, "conversationId");
		Objects.requireNonNull(request, "request");
		return Mono.defer(() -> round(ConversationToolRounds.restart(this.registry, this.maxRounds, this.failurePolicy,
				conversationId, request), this.conversations.restart(conversationId, request)));
	}

	/**
	 * Starts a conversation and streams it: every event of every answer passes through
	 * (function call pieces included, so a page can show calls as they come), with the
	 * tool rounds run in between (each answer is folded with a
	 * {@link ConversationAccumulator}, so split calls are whole before they run; each
	 * ends with its own {@link ResponseDoneEvent}). Fails as
	 * {@link #start(ConversationRequest)} does, after the events that came before the
	 * failure; an answer that fails or is cut before its final event fails with a
	 * {@link dev.mistralboot.client.core.MistralStreamException}. Unlike the blocking
	 * {@link ToolCallingConversationStream}, the turn itself is not kept: fold the events
	 * or read the conversation's history when it is needed.
	 * @param request the first inputs and the agent or model
	 * @return the events
	 */
	public Flux<ConversationEvent> startStream(ConversationRequest request) {
		Objects.requireNonNull(request, "request");
		return Flux.defer(() -> streamRound(
				ConversationToolRounds.start(this.registry, this.maxRounds, this.failurePolicy, request),
				this.conversations.startStream(withRegistryTools(request))));
	}

	/**
	 * Appends entries to a conversation and streams the answers, as
	 * {@link #startStream(ConversationRequest)} does.
	 * @param conversationId the conversation
	 * @param request the new entries (a user message, say)
	 * @return the events
	 */
	public Flux<ConversationEvent> appendStream(String conversationId, AppendConversationRequest request) {
		Objects.requireNonNull(conversationId, "conversationId");
		Objects.requireNonNull(request, "request");
		return Flux
			.defer(() -> streamRound(ConversationToolRounds.append(this.registry, this.maxRounds, this.failurePolicy,
					conversationId, request), this.conversations.appendStream(conversationId, request)));
	}

	/**
	 * Restarts a conversation and streams the answers, as
	 * {@link #startStream(ConversationRequest)} does; the calls' results are appended to
	 * the new conversation the restart makes.
	 * @param conversationId the conversation restarted from
	 * @param request the entry to restart from and the inputs that follow it
	 * @return the events
	 */
	public Flux<ConversationEvent> restartStream(String conversationId, RestartConversationRequest request) {
		Objects.requireNonNull(conversationId, "conversationId");
		Objects.requireNonNull(request, "request");
		return Flux
			.defer(() -> streamRound(ConversationToolRounds.restart(this.registry, this.maxRounds, this.failurePolicy,
					conversationId, request), this.conversations.restartStream(conversationId, request)));
	}

	private ConversationRequest withRegistryTools(ConversationRequest request) {
		return ConversationToolRounds.withRegistryTools(request, this.registry, this.conversations.agentByDefault());
	}

	private Mono<ToolCallingTurn> round(ConversationToolRounds rounds, Mono<ConversationResponse> answer) {
		return answer.flatMap((response) -> answered(rounds, response))
			.flatMap((done) -> done ? Mono.fromSupplier(() -> Objects.requireNonNull(rounds.result()))
					: round(rounds, this.conversations.append(rounds.conversationId(), rounds.nextAppend())));
	}

	private Flux<ConversationEvent> streamRound(ConversationToolRounds rounds, Flux<ConversationEvent> answer) {
		ConversationAccumulator accumulator = new ConversationAccumulator();
		return answer.doOnNext(accumulator::add)
			.concatWith(Mono.defer(() -> answered(rounds, accumulator.toResponse()))
				.flatMapMany((done) -> done ? Flux.<ConversationEvent>empty() : streamRound(rounds,
						this.conversations.appendStream(rounds.conversationId(), rounds.nextAppend()))));
	}

	/**
	 * Takes an answer; its function calls, if any, run on the scheduler, inside the scope
	 * of the subscriber's observation (from the Reactor context, as a WebFlux server puts
	 * it there), so that what the tools observe joins the caller's trace.
	 */
	private Mono<Boolean> answered(ConversationToolRounds rounds, ConversationResponse response) {
		if (!ConversationToolRounds.callsTools(response)) {
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
