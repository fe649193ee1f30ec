package dev.mistralboot.client.conversations;

import java.util.List;
import java.util.Objects;

import dev.mistralboot.client.chat.tools.ToolRegistry;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.ReactiveMistralPager;
import dev.mistralboot.client.core.RequestOptions;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/**
 * The conversations API on WebClient: the methods of {@link MistralConversationsClient}
 * with the same names and parameters, answering a {@link Mono} (a {@link Flux} of
 * {@link ConversationEvent}s for streams, ending with {@link ResponseDoneEvent} or
 * {@link ResponseErrorEvent}; a stream cut before either fails with
 * {@link dev.mistralboot.client.core.MistralStreamException}). Nothing is sent before
 * subscription; cancelling closes the connection. Available when WebFlux is on the
 * classpath. Thread-safe.
 */
public class ReactiveMistralConversationsClient {

	private static final TypeReference<List<Conversation>> CONVERSATION_LIST = new TypeReference<>() {
	};

	private final ReactiveMistralHttp http;

	private final ConversationRequests requests;

	/**
	 * Creates a client; each conversation it starts names its agent or model.
	 * @param http the reactive HTTP core
	 */
	public ReactiveMistralConversationsClient(ReactiveMistralHttp http) {
		this(http, null, null);
	}

	/**
	 * Creates a client with a default agent or model, for the conversations it starts
	 * that name neither.
	 * @param http the reactive HTTP core
	 * @param defaultAgentId the agent of such conversations, or {@code null}
	 * @param defaultModel their model when there is no default agent, or {@code null}
	 */
	public ReactiveMistralConversationsClient(ReactiveMistralHttp http, @Nullable String defaultAgentId,
			@Nullable String defaultModel) {
		this(http, new ConversationRequests(defaultAgentId, defaultModel));
	}

	private ReactiveMistralConversationsClient(ReactiveMistralHttp http, ConversationRequests requests) {
		this.http = Objects.requireNonNull(http, "http");
		this.requests = requests;
	}

	/**
	 * This client with options applied to each of its calls. The returned client shares
	 * its connections, observations, rate-limit budget and defaults with this one.
	 * @param options the options, applied over the ones this client already applies
	 * @return a client applying the options
	 */
	public ReactiveMistralConversationsClient withOptions(RequestOptions options) {
		return new ReactiveMistralConversationsClient(this.http.withOptions(options), this.requests);
	}

	/**
	 * The tool loop on this client: conversations whose {@code function.call} entries are
	 * answered by the registry's tools, with {@code function.result} entries appended
	 * until the model answers without a call (see
	 * {@link ReactiveToolCallingConversations}).
	 * @param registry the tools (in Spring Boot, the auto-configured {@code ToolRegistry}
	 * bean of the application's {@code @MistralTool} methods)
	 * @return the loop, with the registry's round limit and failure policy
	 */
	public ReactiveToolCallingConversations withTools(ToolRegistry registry) {
		return new ReactiveToolCallingConversations(this, registry);
	}

	/**
	 * Whether a conversation naming neither agent nor model goes to the default agent.
	 */
	boolean agentByDefault() {
		return this.requests.defaultAgentId() != null;
	}

	/**
	 * Starts a conversation ({@code POST /v1/conversations}).
	 * @param request the first inputs and the agent or model
	 * @return the answer, with the conversation's id
	 */
	public Mono<ConversationResponse> start(ConversationRequest request) {
		return startWithResponse(request).map(MistralResponse::body);
	}

	/**
	 * Starts a conversation, with the response's status, headers and rate limits.
	 * @param request the first inputs and the agent or model
	 * @return the answer and its metadata
	 */
	public Mono<MistralResponse<ConversationResponse>> startWithResponse(ConversationRequest request) {
		return Mono.defer(() -> this.http.execute(this.requests.start(request, false), ConversationResponse.class));
	}

	/**
	 * Starts a conversation and streams the answer as events.
	 * @param request the first inputs and the agent or model
	 * @return the events
	 */
	public Flux<ConversationEvent> startStream(ConversationRequest request) {
		return Flux.defer(() -> this.http.stream(this.requests.start(request, true), ConversationEvent.class));
	}

	/**
	 * Appends entries to a conversation ({@code POST
	 * /v1/conversations/{conversation_id}}).
	 * @param conversationId the conversation
	 * @param request the new entries or tool confirmations
	 * @return the answer
	 */
	public Mono<ConversationResponse> append(String conversationId, AppendConversationRequest request) {
		return appendWithResponse(conversationId, request).map(MistralResponse::body);
	}

	/**
	 * Appends entries to a conversation, with the response's status, headers and rate
	 * limits.
	 * @param conversationId the conversation
	 * @param request the new entries or tool confirmations
	 * @return the answer and its metadata
	 */
	public Mono<MistralResponse<ConversationResponse>> appendWithResponse(String conversationId,
			AppendConversationRequest request) {
		return Mono.defer(() -> this.http.execute(ConversationRequests.append(conversationId, request, false),
				ConversationResponse.class));
	}

	/**
	 * Appends entries to a conversation and streams the answer as events.
	 * @param conversationId the conversation
	 * @param request the new entries or tool confirmations
	 * @return the events
	 */
	public Flux<ConversationEvent> appendStream(String conversationId, AppendConversationRequest request) {
		return Flux.defer(() -> this.http.stream(ConversationRequests.append(conversationId, request, true),
				ConversationEvent.class));
	}

	/**
	 * Starts a new conversation from an entry of an existing one ({@code POST
	 * /v1/conversations/{conversation_id}/restart}).
	 * @param conversationId the conversation restarted from
	 * @param request the entry to restart from and the inputs that follow it
	 * @return the answer, with the new conversation's id
	 */
	public Mono<ConversationResponse> restart(String conversationId, RestartConversationRequest request) {
		return restartWithResponse(conversationId, request).map(MistralResponse::body);
	}

	/**
	 * Restarts a conversation from an entry, with the response's status, headers and rate
	 * limits.
	 * @param conversationId the conversation restarted from
	 * @param request the entry to restart from and the inputs that follow it
	 * @return the answer and its metadata
	 */
	public Mono<MistralResponse<ConversationResponse>> restartWithResponse(String conversationId,
			RestartConversationRequest request) {
		return Mono.defer(() -> this.http.execute(ConversationRequests.restart(conversationId, request, false),
				ConversationResponse.class));
	}

	/**
	 * Restarts a conversation from an entry and streams the answer as events.
	 * @param conversationId the conversation restarted from
	 * @param request the entry to restart from and the inputs that follow it
	 * @return the events
	 */
	public Flux<ConversationEvent> restartStream(String conversationId, RestartConversationRequest request) {
		return Flux.defer(() -> this.http.stream(ConversationRequests.restart(conversationId, request, true),
				ConversationEvent.class));
	}

	/**
	 * Lists the first page of conversations ({@code GET /v1/conversations}).
	 * @return the conversations
	 */
	public Mono<List<Conversation>> list() {
		return list(ListConversationsRequest.FIRST_PAGE);
	}

	/**
	 * Lists one page of conversations ({@code GET /v1/conversations}).
	 * @param request the page, its size and a metadata filter
	 * @return the conversations of the page
	 */
	public Mono<List<Conversation>> list(ListConversationsRequest request) {
		return Mono.defer(() -> this.http.execute(ConversationRequests.list(request), CONVERSATION_LIST))
			.map(MistralResponse::body);
	}

	/**
	 * Every conversation matching the request's filter, across all pages from the
	 * request's page. A page is requested only while the subscriber wants more.
	 * @param request the first page, page size and filter
	 * @return the conversations
	 */
	public Flux<Conversation> listAll(ListConversationsRequest request) {
		return Flux.defer(() -> {
			Objects.requireNonNull(request, "request");
			return ReactiveMistralPager.flux(request.firstPage(), request.effectivePageSize(),
					(page) -> list(request.atPage(page)).map(ConversationRequests.ListPage::new));
		});
	}

	/**
	 * Reads a conversation ({@code GET /v1/conversations/{conversation_id}}).
	 * @param conversationId the conversation
	 * @return the conversation
	 */
	public Mono<Conversation> get(String conversationId) {
		return Mono.defer(() -> this.http.execute(ConversationRequests.get(conversationId), Conversation.class))
			.map(MistralResponse::body);
	}

	/**
	 * Deletes a conversation ({@code DELETE /v1/conversations/{conversation_id}}).
	 * @param conversationId the conversation
	 * @return completes when deleted
	 */
	public Mono<Void> delete(String conversationId) {
		return Mono.defer(() -> this.http.execute(ConversationRequests.delete(conversationId), Void.class)).then();
	}

	/**
	 * Reads every entry of a conversation ({@code GET
	 * /v1/conversations/{conversation_id}/history}).
	 * @param conversationId the conversation
	 * @return the history
	 */
	public Mono<ConversationHistory> history(String conversationId) {
		return Mono
			.defer(() -> this.http.execute(ConversationRequests.history(conversationId), ConversationHistory.class))
			.map(MistralResponse::body);
	}

	/**
	 * Reads the messages of a conversation ({@code GET
	 * /v1/conversations/{conversation_id}/messages}).
	 * @param conversationId the conversation
	 * @return the messages
	 */
	public Mono<ConversationMessages> messages(String conversationId) {
		return Mono
			.defer(() -> this.http.execute(ConversationRequests.messages(conversationId), ConversationMessages.class))
			.map(MistralResponse::body);
	}

}
