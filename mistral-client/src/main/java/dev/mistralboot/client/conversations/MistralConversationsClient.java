package dev.mistralboot.client.conversations;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import dev.mistralboot.client.chat.tools.ToolRegistry;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralPager;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.core.RequestOptions;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * The conversations API over a blocking connection: start a conversation with a model or
 * an agent, append to it, restart it from an entry (each whole or streamed), list, read
 * and delete conversations, read their history and messages.
 *
 * <pre>{@code
 * ConversationResponse answer = conversations.start(ConversationRequest.builder()
 *     .agentId(agent.id())
 *     .inputs("Where is my payment T1001?")
 *     .build());
 * for (FunctionCallEntry call : answer.functionCalls()) {
 *     // run the function, then answer it
 *     answer = conversations.append(answer.conversationId(), AppendConversationRequest.builder()
 *         .inputs(ConversationEntry.functionResult(call.toolCallId(), "{\"status\":\"paid\"}"))
 *         .build());
 * }
 * System.out.println(answer.text());
 * }</pre>
 *
 * Streams ({@link #startStream}, {@link #appendStream}, {@link #restartStream}) deliver
 * typed {@link ConversationEvent}s and end with {@link ResponseDoneEvent} or
 * {@link ResponseErrorEvent}; a stream cut before either raises
 * {@link dev.mistralboot.client.core.MistralStreamException}. Fold a stream into the
 * turn's outputs with {@link ConversationAccumulator}. To let {@code @MistralTool} beans
 * answer function calls, use {@link #withTools(ToolRegistry)}. Methods are named after
 * the API's operations ({@code agents_api_v1_conversations_history} is
 * {@link #history(String)}). Failures raise the
 * {@link dev.mistralboot.client.core.MistralException} hierarchy. Thread-safe.
 */
public class MistralConversationsClient {

	private static final TypeReference<List<Conversation>> CONVERSATION_LIST = new TypeReference<>() {
	};

	private final MistralHttp http;

	private final ConversationRequests requests;

	/**
	 * Creates a client; each conversation it starts names its agent or model.
	 * @param http the HTTP core
	 */
	public MistralConversationsClient(MistralHttp http) {
		this(http, null, null);
	}

	/**
	 * Creates a client with a default agent or model, for the conversations it starts
	 * that name neither.
	 * @param http the HTTP core
	 * @param defaultAgentId the agent of such conversations, or {@code null}
	 * @param defaultModel their model when there is no default agent, or {@code null}
	 */
	public MistralConversationsClient(MistralHttp http, @Nullable String defaultAgentId,
			@Nullable String defaultModel) {
		this(http, new ConversationRequests(defaultAgentId, defaultModel));
	}

	private MistralConversationsClient(MistralHttp http, ConversationRequests requests) {
		this.http = Objects.requireNonNull(http, "http");
		this.requests = requests;
	}

	/**
	 * This client with options applied to each of its calls: a timeout, the number of
	 * attempts, extra headers, a listener for the answers' metadata. The returned client
	 * shares its connections, observations, rate-limit budget and defaults with this one.
	 * @param options the options, applied over the ones this client already applies
	 * @return a client applying the options
	 */
	public MistralConversationsClient withOptions(RequestOptions options) {
		return new MistralConversationsClient(this.http.withOptions(options), this.requests);
	}

	/**
	 * The tool loop on this client: conversations whose {@code function.call} entries are
	 * answered by the registry's tools, with {@code function.result} entries appended
	 * until the model answers without a call (see {@link ToolCallingConversations}).
	 * @param registry the tools (in Spring Boot, the auto-configured {@code ToolRegistry}
	 * bean of the application's {@code @MistralTool} methods)
	 * @return the loop, with the registry's round limit and failure policy
	 */
	public ToolCallingConversations withTools(ToolRegistry registry) {
		return new ToolCallingConversations(this, registry);
	}

	/**
	 * Whether a conversation naming neither agent nor model goes to the default agent.
	 */
	boolean agentByDefault() {
		return this.requests.defaultAgentId() != null;
	}

	/**
	 * Starts a conversation and waits for the answer ({@code POST /v1/conversations}).
	 * @param request the first inputs and the agent or model
	 * @return the answer, with the conversation's id
	 * @throws IllegalArgumentException when neither the request nor this client names an
	 * agent or a model
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 */
	public ConversationResponse start(ConversationRequest request) {
		return startWithResponse(request).body();
	}

	/**
	 * Starts a conversation, with the response's status, headers and rate limits.
	 * @param request the first inputs and the agent or model
	 * @return the answer and its metadata
	 */
	public MistralResponse<ConversationResponse> startWithResponse(ConversationRequest request) {
		return this.http.execute(this.requests.start(request, false), ConversationResponse.class);
	}

	/**
	 * Starts a conversation and streams the answer as events. Use the result in
	 * try-with-resources.
	 * @param request the first inputs and the agent or model
	 * @return the open stream of events
	 */
	public MistralStream<ConversationEvent> startStream(ConversationRequest request) {
		return this.http.stream(this.requests.start(request, true), ConversationEvent.class);
	}

	/**
	 * Appends entries to a conversation and waits for the answer ({@code POST
	 * /v1/conversations/{conversation_id}}).
	 * @param conversationId the conversation
	 * @param request the new entries (messages, function results) or tool confirmations
	 * @return the answer: the entries this turn produced
	 */
	public ConversationResponse append(String conversationId, AppendConversationRequest request) {
		return appendWithResponse(conversationId, request).body();
	}

	/**
	 * Appends entries to a conversation, with the response's status, headers and rate
	 * limits.
	 * @param conversationId the conversation
	 * @param request the new entries or tool confirmations
	 * @return the answer and its metadata
	 */
	public MistralResponse<ConversationResponse> appendWithResponse(String conversationId,
			AppendConversationRequest request) {
		return this.http.execute(ConversationRequests.append(conversationId, request, false),
				ConversationResponse.class);
	}

	/**
	 * Appends entries to a conversation and streams the answer as events.
	 * @param conversationId the conversation
	 * @param request the new entries or tool confirmations
	 * @return the open stream of events
	 */
	public MistralStream<ConversationEvent> appendStream(String conversationId, AppendConversationRequest request) {
		return this.http.stream(ConversationRequests.append(conversationId, request, true), ConversationEvent.class);
	}

	/**
	 * Starts a new conversation from an entry of an existing one and waits for the answer
	 * ({@code POST /v1/conversations/{conversation_id}/restart}).
	 * @param conversationId the conversation restarted from
	 * @param request the entry to restart from and the inputs that follow it
	 * @return the answer, with the new conversation's id
	 */
	public ConversationResponse restart(String conversationId, RestartConversationRequest request) {
		return restartWithResponse(conversationId, request).body();
	}

	/**
	 * Restarts a conversation from an entry, with the response's status, headers and rate
	 * limits.
	 * @param conversationId the conversation restarted from
	 * @param request the entry to restart from and the inputs that follow it
	 * @return the answer and its metadata
	 */
	public MistralResponse<ConversationResponse> restartWithResponse(String conversationId,
			RestartConversationRequest request) {
		return this.http.execute(ConversationRequests.restart(conversationId, request, false),
				ConversationResponse.class);
	}

	/**
	 * Restarts a conversation from an entry and streams the answer as events.
	 * @param conversationId the conversation restarted from
	 * @param request the entry to restart from and the inputs that follow it
	 * @return the open stream of events
	 */
	public MistralStream<ConversationEvent> restartStream(String conversationId, RestartConversationRequest request) {
		return this.http.stream(ConversationRequests.restart(conversationId, request, true), ConversationEvent.class);
	}

	/**
	 * Lists the first page of conversations, newest first
	 * ({@code GET /v1/conversations}).
	 * @return the conversations
	 */
	public List<Conversation> list() {
		return list(ListConversationsRequest.FIRST_PAGE);
	}

	/**
	 * Lists one page of conversations ({@code GET /v1/conversations}).
	 * @param request the page, its size and a metadata filter
	 * @return the conversations of the page
	 */
	public List<Conversation> list(ListConversationsRequest request) {
		return this.http.execute(ConversationRequests.list(request), CONVERSATION_LIST).body();
	}

	/**
	 * Every conversation matching the request's filter, across all pages from the
	 * request's page (0 when unset). Pages are requested lazily, as the stream is
	 * consumed; the last one is the first shorter than the page size.
	 * @param request the first page, page size and filter
	 * @return the conversations
	 */
	public Stream<Conversation> listAll(ListConversationsRequest request) {
		Objects.requireNonNull(request, "request");
		return MistralPager.stream(request.firstPage(), request.effectivePageSize(),
				(page) -> new ConversationRequests.ListPage<>(list(request.atPage(page))));
	}

	/**
	 * Reads a conversation ({@code GET /v1/conversations/{conversation_id}}).
	 * @param conversationId the conversation
	 * @return the conversation
	 * @throws dev.mistralboot.client.core.MistralNotFoundException for an unknown id
	 */
	public Conversation get(String conversationId) {
		return this.http.execute(ConversationRequests.get(conversationId), Conversation.class).body();
	}

	/**
	 * Deletes a conversation ({@code DELETE /v1/conversations/{conversation_id}}).
	 * @param conversationId the conversation
	 */
	public void delete(String conversationId) {
		this.http.execute(ConversationRequests.delete(conversationId), Void.class);
	}

	/**
	 * Reads every entry of a conversation, in order ({@code GET
	 * /v1/conversations/{conversation_id}/history}).
	 * @param conversationId the conversation
	 * @return the history
	 */
	public ConversationHistory history(String conversationId) {
		return this.http.execute(ConversationRequests.history(conversationId), ConversationHistory.class).body();
	}

	/**
	 * Reads the messages of a conversation, in order ({@code GET
	 * /v1/conversations/{conversation_id}/messages}).
	 * @param conversationId the conversation
	 * @return the messages
	 */
	public ConversationMessages messages(String conversationId) {
		return this.http.execute(ConversationRequests.messages(conversationId), ConversationMessages.class).body();
	}

}
