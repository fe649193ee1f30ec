package dev.mistralboot.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.Keyword;
import org.jspecify.annotations.Nullable;
import org.opentest4j.TestAbortedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The official Mistral OpenAPI 3.1 description, loaded once per JVM, and the checks built
 * on it.
 *
 * <p>
 * Tests obtain the shared instance with {@link #get()}. The description file is read
 * where it lies, never copied: from the path in the system property
 * {@value #PATH_PROPERTY} (the build passes it to Surefire), or, when the property is
 * unset, from the first {@code ../shared/openapi/mistral-api.yaml} found upward from the
 * working directory. When the file is absent, {@link #get()} aborts the calling test (it
 * is reported as skipped) unless the environment variable {@code CI} is {@code true},
 * where it fails.
 *
 * <p>
 * Schemas are validated with {@code com.networknt:json-schema-validator} in its OpenAPI
 * 3.1 dialect (which understands {@code discriminator}). {@code format} is an annotation,
 * as JSON Schema 2020-12 defines it: a {@code format: uuid} path parameter accepts any
 * string. Validation methods return readable error strings (empty when valid); the
 * {@code assert...} methods throw {@link AssertionError} with the errors and the
 * offending body. Instances are immutable and thread-safe; compiled schemas are cached.
 *
 * <p>
 * Requests are always checked strictly against the file. Responses are checked by default
 * in {@link Mode#LIVE_API} mode, which applies the relaxations listed by
 * {@link #liveApiRelaxations()} for the known differences between the file and the live
 * API (documented in {@code shared/openapi/README.md}, "Known differences between the
 * file and the live API").
 */
public final class OpenApiContract {

	/** System property holding the path of {@code mistral-api.yaml}. */
	public static final String PATH_PROPERTY = "mistral.openapi.path";

	/**
	 * Environment variable that turns a missing description file from a skip into a
	 * failure when {@code true}.
	 */
	public static final String CI_VARIABLE = "CI";

	/**
	 * Where the description is searched, relative to the working directory and each of
	 * its ancestors.
	 */
	static final String FALLBACK_RELATIVE_PATH = "../shared/openapi/mistral-api.yaml";

	private static final String STRICT_BASE = "https://mistral.test/openapi.yaml";

	private static final String LIVE_API_BASE = "https://mistral.test/openapi-live-api.yaml";

	private static final List<String> HTTP_METHODS = List.of("get", "put", "post", "delete", "patch", "options", "head",
			"trace");

	private static final int MAX_SHOWN_CHARS = 2000;

	private static final Pattern INTEGER = Pattern.compile("-?\\d+");

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

	private static final JsonMapper JSON = Json.MAPPER;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/**
	 * Relaxations applied in {@link Mode#LIVE_API} mode, see
	 * {@code shared/openapi/README.md}, "Known differences between the file and the live
	 * API".
	 */
	private static final List<Relaxation> LIVE_API_RELAXATIONS = List.of(
			new Relaxation("ChatCompletionResponse",
					"ChatCompletionResponse: 'data' is not required (the file lists it as required; chat responses "
							+ "have no 'data')",
					(schema) -> removeRequired(schema, "data")),
			new Relaxation("UsageInfo",
					"UsageInfo: unknown properties are allowed (the file says additionalProperties: false; the API "
							+ "adds prompt_tokens_details, prompt_token_details, num_cached_tokens, request_count, ...)",
					(schema) -> schema.remove("additionalProperties")));

	/**
	 * Corrections of contradictions inside the description file itself, applied in both
	 * modes (requests are always checked strictly): a schema that requires a property it
	 * does not define cannot be met by any client that follows the file.
	 */
	private static final List<Relaxation> DESCRIPTION_FIXES = List.of(new Relaxation("SharingDelete",
			"SharingDelete: 'level' is not required (the file requires it but defines no such property; unsharing "
					+ "takes no access level, and Mistral's own SDKs send none)",
			(schema) -> removeRequired(schema, "level")));

	/** How strictly responses and schemas are checked. */
	public enum Mode {

		/** Exactly what the description file says. */
		STRICT,
		/**
		 * The description file with the relaxations of
		 * {@link OpenApiContract#liveApiRelaxations()}, so that fixtures mirroring real
		 * responses validate.
		 */
		LIVE_API

	}

	private static final AtomicBoolean NOTICE_GIVEN = new AtomicBoolean();

	private final Path source;

	private final JsonNode root;

	private final SchemaRegistry registry;

	private final Schema strictDocument;

	private final Schema liveApiDocument;

	private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

	private final List<Route> routes;

	private final List<Operation> operations;

	private final Map<String, Route> routesById;

	/**
	 * The OpenAPI 3.1 dialect, where keywords it does not know (the document's own
	 * {@code openapi}, {@code info}, {@code paths}, and vendor extensions such as
	 * {@code x-speakeasy-name-override}) are kept as annotations without the WARN line
	 * the validator logs for each by default, which would fill the logs of every test
	 * using the contract or {@code MockMistral}.
	 */
	private static Dialect quietOpenApi31() {
		Map<String, Keyword> unknown = new ConcurrentHashMap<>();
		return Dialect.builder(Dialects.getOpenApi31())
			.unknownKeywordFactory((keyword, context) -> unknown.computeIfAbsent(keyword, AnnotationKeyword::new))
			.build();
	}

	private OpenApiContract(Path source, String yaml) {
		this.source = source;
		this.root = YAMLMapper.builder().build().readTree(yaml);
		if (!this.root.path("paths").isObject() || !this.root.path("components").path("schemas").isObject()) {
			throw new IllegalStateException(source + " is not an OpenAPI description (no paths or component schemas)");
		}
		for (Relaxation fix : DESCRIPTION_FIXES) {
			JsonNode schema = this.root.path("components").path("schemas").path(fix.schema());
			if (schema instanceof ObjectNode object) {
				fix.patch().accept(object);
			}
		}
		this.registry = SchemaRegistry.withDefaultDialect(quietOpenApi31());
		this.strictDocument = this.registry.getSchema(SchemaLocation.of(STRICT_BASE), this.root);
		JsonNode relaxed = this.root.deepCopy();
		for (Relaxation relaxation : LIVE_API_RELAXATIONS) {
			JsonNode schema = relaxed.path("components").path("schemas").path(relaxation.schema());
			if (schema instanceof ObjectNode object) {
				relaxation.patch().accept(object);
			}
		}
		this.liveApiDocument = this.registry.getSchema(SchemaLocation.of(LIVE_API_BASE), relaxed);
		this.routes = readRoutes();
		this.operations = this.routes.stream().map(Route::operation).toList();
		Map<String, Route> byId = new LinkedHashMap<>();
		for (Route route : this.routes) {
			byId.putIfAbsent(route.operation().operationId(), route);
		}
		this.routesById = Map.copyOf(byId);
	}

	// ------------------------------------------------------------------------------------------------
	// loading

	/**
	 * The description shared by the whole JVM, parsed on first use.
	 * @return the contract
	 * @throws TestAbortedException when the description file is absent and {@code CI} is
	 * not {@code true}: the calling test is reported as skipped
	 * @throws IllegalStateException when the file is absent and {@code CI=true}, or when
	 * it cannot be parsed; the message names the path and the system property
	 * {@value #PATH_PROPERTY}
	 */
	public static OpenApiContract get() {
		Object state = Holder.STATE;
		if (state instanceof OpenApiContract contract) {
			return contract;
		}
		if (state instanceof Missing missing) {
			throw whenMissing(System.getenv(CI_VARIABLE), missing.description());
		}
		Broken broken = (Broken) state;
		throw new IllegalStateException(broken.message(), broken.cause());
	}

	/**
	 * The description shared by the whole JVM when it is available. Unlike
	 * {@link #get()}, a missing file outside CI does not abort the calling test: the
	 * contract check is skipped (said once on standard error) and the rest of the test
	 * still runs. Under {@code CI=true} a missing file still fails.
	 * @return the contract, or empty when the file is absent and {@code CI} is not
	 * {@code true}
	 * @throws IllegalStateException when the file is absent and {@code CI=true}, or
	 * cannot be parsed
	 */
	public static Optional<OpenApiContract> available() {
		return available(OpenApiContract::get);
	}

	static Optional<OpenApiContract> available(java.util.function.Supplier<OpenApiContract> loader) {
		try {
			return Optional.of(loader.get());
		}
		catch (TestAbortedException ex) {
			if (!NOTICE_GIVEN.getAndSet(true)) {
				System.err.println("[mistral-openapi-contract] " + ex.getMessage());
			}
			return Optional.empty();
		}
	}

	/**
	 * Runs a contract check when the description is {@link #available() available}, and
	 * skips only that check when it is not.
	 * @param check the check, given the contract
	 */
	public static void ifAvailable(Consumer<OpenApiContract> check) {
		available().ifPresent(check);
	}

	/**
	 * Loads a description file explicitly (a new instance each call; prefer
	 * {@link #get()} in tests).
	 * @param file the OpenAPI YAML file
	 * @return the contract, or empty when the file does not exist
	 * @throws UncheckedIOException when the file exists but cannot be read
	 * @throws RuntimeException when the file is not a parsable OpenAPI description
	 */
	public static Optional<OpenApiContract> load(Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		if (!Files.isRegularFile(absolute)) {
			return Optional.empty();
		}
		try {
			return Optional.of(new OpenApiContract(absolute, Files.readString(absolute, StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Mistral OpenAPI description " + absolute, ex);
		}
	}

	/**
	 * Where the description is expected: the system property value when set (and not an
	 * unresolved Maven {@code ${...}} placeholder), otherwise the first existing
	 * {@value #FALLBACK_RELATIVE_PATH} resolved against the working directory and each of
	 * its ancestors, otherwise the candidate next to the working directory.
	 */
	static Path locate(@Nullable String property, Path workingDirectory) {
		if (property != null && !property.isBlank() && !property.contains("${")) {
			return Path.of(property.trim()).toAbsolutePath().normalize();
		}
		Path first = null;
		for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve(FALLBACK_RELATIVE_PATH).normalize();
			if (first == null) {
				first = candidate;
			}
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		return Objects.requireNonNull(first);
	}

	/**
	 * The exception for a missing description file: a failure when {@code ciValue} is
	 * {@code true} (ignoring case), otherwise a {@link TestAbortedException} that reports
	 * the calling test as skipped.
	 * @param ciValue the value of the environment variable {@code CI}, or {@code null}
	 * @param where what was looked for, naming the path
	 */
	static RuntimeException whenMissing(@Nullable String ciValue, String where) {
		String message = "The Mistral OpenAPI description is missing: " + where + ". Pass its location with -D"
				+ PATH_PROPERTY + "=/path/to/mistral-api.yaml.";
		if (ciValue != null && ciValue.trim().equalsIgnoreCase("true")) {
			return new IllegalStateException(
					message + " Failing because " + CI_VARIABLE + "=true: contract checks must not be skipped in CI.");
		}
		return new TestAbortedException(
				message + " Skipping the contract check (it fails when " + CI_VARIABLE + "=true).");
	}

	private static Object initialState() {
		String property = System.getProperty(PATH_PROPERTY);
		Path cwd = Path.of(System.getProperty("user.dir"));
		Path path = locate(property, cwd);
		try {
			Optional<OpenApiContract> loaded = load(path);
			if (loaded.isPresent()) {
				return loaded.get();
			}
			boolean fromProperty = property != null && !property.isBlank() && !property.contains("${");
			return new Missing("no file at " + path
					+ (fromProperty ? " (from system property " + PATH_PROPERTY + ")"
							: " (system property " + PATH_PROPERTY + " is not set; searched " + FALLBACK_RELATIVE_PATH
									+ " upward from " + cwd.toAbsolutePath() + ")"));
		}
		catch (RuntimeException ex) {
			return new Broken("Cannot load the Mistral OpenAPI description " + path + " (system property "
					+ PATH_PROPERTY + "): " + ex.getMessage(), ex);
		}
	}

	// ---------------------------------------------------------------------------------------------
	// inspection

	/**
	 * The file this contract was read from.
	 * @return the absolute path
	 */
	public Path source() {
		return this.source;
	}

	/**
	 * All operations of the description, in file order; {@code #stream} variants are
	 * separate operations with {@link Operation#streaming()} set.
	 * @return an immutable list
	 */
	public List<Operation> operations() {
		return this.operations;
	}

	/**
	 * The operations carrying a tag, for example {@code "chat"} or
	 * {@code "beta.libraries.documents"}.
	 * @param tag the exact tag
	 * @return an immutable list, in file order; empty for an unknown tag
	 */
	public List<Operation> operations(String tag) {
		return this.operations.stream().filter((operation) -> operation.tags().contains(tag)).toList();
	}

	/**
	 * Looks up an operation by id.
	 * @param operationId the operation id
	 * @return the operation, or empty
	 */
	public Optional<Operation> operation(String operationId) {
		return Optional.ofNullable(this.routesById.get(operationId)).map(Route::operation);
	}

	/**
	 * The operation a concrete request corresponds to, with the same matching rules as
	 * {@link #validateRequest(String, String, String, byte[])}. The body is only used to
	 * choose a {@code #stream} variant: a JSON body with {@code "stream": true}, or a
	 * multipart body (recognised by its {@code --boundary} first line) with a
	 * {@code stream} field of {@code true}.
	 * @param method the HTTP method
	 * @param path the concrete path, optionally with query string, scheme and host
	 * @param body the request body, or {@code null}
	 * @return the operation id, or empty when no operation of the description matches
	 */
	public Optional<String> operationId(String method, String path, byte @Nullable [] body) {
		RequestView request = new RequestView(method, path, null, body);
		Resolution resolution = resolve(request);
		return Optional.ofNullable(resolution.route()).map((route) -> route.operation().operationId());
	}

	/**
	 * Descriptions of the relaxations applied in {@link Mode#LIVE_API} mode, one per
	 * known difference between the description file and the live API
	 * ({@code shared/openapi/README.md}, "Known differences between the file and the live
	 * API"):
	 * <ul>
	 * <li>{@code ChatCompletionResponse} does not require {@code data}, which the file
	 * lists as required but chat responses never contain;</li>
	 * <li>{@code UsageInfo} allows unknown properties, although the file says
	 * {@code additionalProperties: false}: the API adds {@code prompt_tokens_details},
	 * {@code prompt_token_details}, {@code num_cached_tokens}, {@code request_count}, ...
	 * (this applies wherever {@code UsageInfo} is referenced, for example in stream
	 * chunks).</li>
	 * </ul>
	 * Everything else, including required {@code choices}, {@code usage} and
	 * {@code model}, stays as in the file.
	 * @return the descriptions, in application order
	 */
	public static List<String> liveApiRelaxations() {
		return LIVE_API_RELAXATIONS.stream().map(Relaxation::description).toList();
	}

	// ---------------------------------------------------------------------------------------------
	// schemas

	/**
	 * Validates JSON text against {@code #/components/schemas/<name>}, exactly as the
	 * file says.
	 * @param componentSchemaName the component schema name, for example
	 * {@code ChatCompletionRequest}
	 * @param json the JSON text
	 * @return readable errors, empty when valid
	 * @throws IllegalArgumentException when the description has no such schema
	 */
	public List<String> validateSchema(String componentSchemaName, String json) {
		return validateSchema(componentSchemaName, json, Mode.STRICT);
	}

	/**
	 * Validates JSON text against {@code #/components/schemas/<name>}.
	 * @param componentSchemaName the component schema name, for example
	 * {@code CompletionChunk}
	 * @param json the JSON text
	 * @param mode {@link Mode#STRICT}, or {@link Mode#LIVE_API} for fixtures that mirror
	 * real responses
	 * @return readable errors, empty when valid
	 * @throws IllegalArgumentException when the description has no such schema
	 */
	public List<String> validateSchema(String componentSchemaName, String json, Mode mode) {
		if (!this.root.path("components").path("schemas").has(componentSchemaName)) {
			throw new IllegalArgumentException(
					"No schema '" + componentSchemaName + "' in #/components/schemas of " + this.source);
		}
		JsonNode instance;
		try {
			instance = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			return List.of("not valid JSON: " + ex.getOriginalMessage());
		}
		Set<String> errors = new LinkedHashSet<>();
		validate(mode, "/components/schemas/" + escape(componentSchemaName), instance, "", errors);
		return List.copyOf(errors);
	}

	/**
	 * Fails when JSON text does not conform to a component schema of the file
	 * ({@link Mode#STRICT}).
	 * @param componentSchemaName the component schema name
	 * @param json the JSON text
	 * @throws AssertionError listing the errors and the JSON (truncated)
	 */
	public void assertSchemaValid(String componentSchemaName, String json) {
		assertSchemaValid(componentSchemaName, json, Mode.STRICT);
	}

	/**
	 * Fails when JSON text does not conform to a component schema.
	 * @param componentSchemaName the component schema name
	 * @param json the JSON text
	 * @param mode {@link Mode#STRICT} or {@link Mode#LIVE_API}
	 * @throws AssertionError listing the errors and the JSON (truncated)
	 */
	public void assertSchemaValid(String componentSchemaName, String json, Mode mode) {
		List<String> errors = validateSchema(componentSchemaName, json, mode);
		if (!errors.isEmpty()) {
			throw new AssertionError(
					failure("JSON does not conform to #/components/schemas/" + componentSchemaName + " (" + mode + ")",
							errors, "application/json", json.getBytes(StandardCharsets.UTF_8)));
		}
	}

	// --------------------------------------------------------------------------------------------
	// requests

	/**
	 * Validates a request without a body, see
	 * {@link #validateRequest(String, String, String, byte[])}.
	 * @param method the HTTP method
	 * @param path the concrete path, optionally with query string
	 * @return readable errors, empty when valid
	 */
	public List<String> validateRequest(String method, String path) {
		return validateRequest(method, path, null, (byte[]) null);
	}

	/**
	 * Validates a request with a text body, see
	 * {@link #validateRequest(String, String, String, byte[])}.
	 * @param method the HTTP method
	 * @param path the concrete path, optionally with query string
	 * @param contentType the {@code Content-Type} header, or {@code null}
	 * @param body the body as UTF-8 text, or {@code null}
	 * @return readable errors, empty when valid
	 */
	public List<String> validateRequest(String method, String path, @Nullable String contentType,
			@Nullable String body) {
		return validateRequest(method, path, contentType,
				(body != null) ? body.getBytes(StandardCharsets.UTF_8) : null);
	}

	/**
	 * Validates a concrete request against the description.
	 *
	 * <ul>
	 * <li>The operation is the one whose method is equal and whose path template (for
	 * example {@code /v1/files/{file_id}}) matches the path; the query string, scheme and
	 * host are ignored for matching, and a template with more literal segments wins
	 * ({@code /v1/agents/pages} over {@code /v1/agents/{agent_id}}). When the file has a
	 * {@code #stream} variant of that path and method, it is chosen for a body with
	 * {@code "stream": true} (JSON) or a {@code stream} field of {@code true}
	 * (multipart). No matching operation is the single error
	 * {@code "no operation METHOD path in the spec ..."}.</li>
	 * <li>Path parameters and query parameters are checked against the declared
	 * parameters: an unknown query parameter and a missing required one are errors;
	 * values are converted to the declared type (integer, number, boolean, repeated
	 * parameters for arrays, JSON for {@code content: application/json} parameters) and
	 * validated against the parameter schema (type, enum, range, pattern).</li>
	 * <li>An {@code application/json} body is validated against the request body schema.
	 * A {@code multipart/form-data} body is parsed (boundary from the content type):
	 * fields not in the schema are errors, binary fields ({@code format: binary}) only
	 * need to be present, and the other fields are converted to the declared types and
	 * validated (required, enum, type, const). A missing required body, a body for an
	 * operation without one and an undeclared content type are errors.</li>
	 * </ul>
	 * A request without errors is recorded in {@link ContractCoverage}.
	 * @param method the HTTP method, any case
	 * @param path the concrete path, optionally with query string (and scheme and host)
	 * @param contentType the {@code Content-Type} header, or {@code null}
	 * @param body the body, or {@code null} for none
	 * @return readable errors, empty when valid
	 */
	public List<String> validateRequest(String method, String path, @Nullable String contentType,
			byte @Nullable [] body) {
		RequestView request = new RequestView(method, path, contentType, body);
		Resolution resolution = resolve(request);
		Route route = resolution.route();
		if (route == null) {
			return List.of(Objects.requireNonNull(resolution.error()));
		}
		Set<String> errors = new LinkedHashSet<>();
		checkPathParameters(route, request, errors);
		checkQueryParameters(route, request, errors);
		checkBody(route, request, errors);
		if (errors.isEmpty()) {
			ContractCoverage.record(route.operation().operationId());
		}
		return List.copyOf(errors);
	}

	/**
	 * Fails when a request without a body does not conform, see
	 * {@link #validateRequest(String, String, String, byte[])}.
	 * @param method the HTTP method
	 * @param path the concrete path, optionally with query string
	 * @throws AssertionError naming the request, the operation and every error
	 */
	public void assertRequestValid(String method, String path) {
		assertRequestValid(method, path, null, (byte[]) null);
	}

	/**
	 * Fails when a request with a text body does not conform, see
	 * {@link #validateRequest(String, String, String, byte[])}.
	 * @param method the HTTP method
	 * @param path the concrete path, optionally with query string
	 * @param contentType the {@code Content-Type} header, or {@code null}
	 * @param body the body as UTF-8 text, or {@code null}
	 * @throws AssertionError naming the request, the operation, every error and the body
	 * (truncated)
	 */
	public void assertRequestValid(String method, String path, @Nullable String contentType, @Nullable String body) {
		assertRequestValid(method, path, contentType, (body != null) ? body.getBytes(StandardCharsets.UTF_8) : null);
	}

	/**
	 * Fails when a request does not conform, see
	 * {@link #validateRequest(String, String, String, byte[])}.
	 * @param method the HTTP method
	 * @param path the concrete path, optionally with query string
	 * @param contentType the {@code Content-Type} header, or {@code null}
	 * @param body the body, or {@code null}
	 * @throws AssertionError naming the request, the operation, every error and the body
	 * (truncated)
	 */
	public void assertRequestValid(String method, String path, @Nullable String contentType, byte @Nullable [] body) {
		List<String> errors = validateRequest(method, path, contentType, body);
		if (!errors.isEmpty()) {
			throw new AssertionError(
					failure(describeRequest(method, path, contentType, body), errors, contentType, body));
		}
	}

	/**
	 * The headline used in failure messages: {@code METHOD path (operation id)} or
	 * {@code METHOD path (no operation)}.
	 */
	String describeRequest(String method, String path, @Nullable String contentType, byte @Nullable [] body) {
		Resolution resolution = resolve(new RequestView(method, path, contentType, body));
		String operation = (resolution.route() != null) ? "operation " + resolution.route().operation().operationId()
				: "no operation";
		return method.toUpperCase(Locale.ROOT) + " " + path + " (" + operation + ") does not conform to " + this.source;
	}

	// -------------------------------------------------------------------------------------------
	// responses

	/**
	 * Validates a response body against the {@code application/json} schema the operation
	 * declares for the status, in {@link Mode#LIVE_API} mode (see
	 * {@link #liveApiRelaxations()}).
	 * @param operationId the operation id
	 * @param status the HTTP status; an exact code wins over {@code 2XX}-style ranges and
	 * {@code default}
	 * @param json the response body
	 * @return readable errors, empty when valid or when the operation declares no JSON
	 * body for the status (only 422 errors have a declared body; the other error shapes
	 * are listed in the README)
	 * @throws IllegalArgumentException for an unknown operation id
	 */
	public List<String> validateResponse(String operationId, int status, String json) {
		return validateResponse(operationId, status, json, Mode.LIVE_API);
	}

	/**
	 * Validates a response body against the {@code application/json} schema the operation
	 * declares for the status.
	 * @param operationId the operation id
	 * @param status the HTTP status
	 * @param json the response body
	 * @param mode {@link Mode#LIVE_API} (the default) or {@link Mode#STRICT}
	 * @return readable errors, empty when valid or when nothing JSON is declared for the
	 * status
	 * @throws IllegalArgumentException for an unknown operation id
	 */
	public List<String> validateResponse(String operationId, int status, String json, Mode mode) {
		Route route = this.routesById.get(operationId);
		if (route == null) {
			throw new IllegalArgumentException("No operation '" + operationId + "' in " + this.source);
		}
		return validateResponse(route, status, json, mode);
	}

	/**
	 * Validates a response body for the operation a request (without body: never a
	 * {@code #stream} variant) maps to, in {@link Mode#LIVE_API} mode.
	 * @param method the HTTP method
	 * @param path the concrete path
	 * @param status the HTTP status
	 * @param json the response body
	 * @return readable errors; the single error {@code "no operation ..."} when nothing
	 * matches
	 */
	public List<String> validateResponse(String method, String path, int status, String json) {
		Resolution resolution = resolve(new RequestView(method, path, null, null));
		Route route = resolution.route();
		if (route == null) {
			return List.of(Objects.requireNonNull(resolution.error()));
		}
		return validateResponse(route, status, json, Mode.LIVE_API);
	}

	/**
	 * Fails when a response body does not conform ({@link Mode#LIVE_API}), see
	 * {@link #validateResponse(String, int, String)}.
	 * @param operationId the operation id
	 * @param status the HTTP status
	 * @param json the response body
	 * @throws AssertionError listing the errors and the body (truncated)
	 */
	public void assertResponseValid(String operationId, int status, String json) {
		List<String> errors = validateResponse(operationId, status, json);
		if (!errors.isEmpty()) {
			throw new AssertionError(failure("Response " + status + " of operation " + operationId
					+ " does not conform to " + this.source + " (" + Mode.LIVE_API + ")", errors, "application/json",
					json.getBytes(StandardCharsets.UTF_8)));
		}
	}

	private List<String> validateResponse(Route route, int status, String json, Mode mode) {
		JsonNode responses = route.node().path("responses");
		String key = String.valueOf(status);
		if (!responses.has(key)) {
			key = (status / 100) + "XX";
			if (!responses.has(key)) {
				key = (status / 100) + "xx";
				if (!responses.has(key)) {
					key = "default";
				}
			}
		}
		if (!responses.path(key).path("content").path("application/json").has("schema")) {
			return List.of();
		}
		JsonNode instance;
		try {
			instance = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			return List.of("response body is not valid JSON: " + ex.getOriginalMessage());
		}
		Set<String> errors = new LinkedHashSet<>();
		validate(mode, route.pointer() + "/responses/" + escape(key) + "/content/application~1json/schema", instance,
				"response", errors);
		return List.copyOf(errors);
	}

	// --------------------------------------------------------------------------------------------
	// matching

	private Resolution resolve(RequestView request) {
		List<Route> pathMatches = new ArrayList<>();
		for (Route route : this.routes) {
			if (route.matches(request.segments())) {
				pathMatches.add(route);
			}
		}
		String shown = request.method() + " " + request.path();
		if (pathMatches.isEmpty()) {
			return Resolution
				.error("no operation " + shown + " in the spec (no path template matches " + request.path() + ")");
		}
		Route best = null;
		for (Route route : pathMatches) {
			if (route.operation().method().equals(request.method())
					&& (best == null || route.literals() > best.literals())) {
				best = route;
			}
		}
		if (best == null) {
			Set<String> templates = new LinkedHashSet<>();
			for (Route route : pathMatches) {
				templates.add(route.operation().method() + " " + route.operation().httpPath());
			}
			return Resolution.error("no operation " + shown + " in the spec (the path matches only "
					+ String.join(", ", templates) + ")");
		}
		String template = best.operation().httpPath();
		Route plain = null;
		Route streaming = null;
		for (Route route : pathMatches) {
			if (route.operation().method().equals(request.method()) && route.operation().httpPath().equals(template)) {
				if (route.operation().streaming()) {
					streaming = (streaming != null) ? streaming : route;
				}
				else {
					plain = (plain != null) ? plain : route;
				}
			}
		}
		Route chosen;
		if (streaming != null && (plain == null || request.streamRequested())) {
			chosen = streaming;
		}
		else {
			chosen = Objects.requireNonNull(plain);
		}
		return new Resolution(chosen, null);
	}

	private List<Route> readRoutes() {
		List<Route> result = new ArrayList<>();
		for (Map.Entry<String, JsonNode> pathEntry : this.root.path("paths").properties()) {
			String filePath = pathEntry.getKey();
			JsonNode pathItem = pathEntry.getValue();
			String pathItemPointer = "/paths/" + escape(filePath);
			for (String method : HTTP_METHODS) {
				JsonNode node = pathItem.get(method);
				if (node == null || !node.isObject()) {
					continue;
				}
				List<String> tags = new ArrayList<>();
				node.path("tags").forEach((tag) -> tags.add(tag.asString()));
				String operationId = node.path("operationId")
					.asString(method.toUpperCase(Locale.ROOT) + " " + filePath);
				Operation operation = new Operation(method, filePath, operationId, tags,
						filePath.endsWith(Operation.STREAM_SUFFIX));
				String pointer = pathItemPointer + "/" + method;
				result.add(new Route(operation, pointer, node, templateSegments(operation.httpPath()),
						parameters(pathItem, pathItemPointer, node, pointer)));
			}
		}
		return List.copyOf(result);
	}

	private List<Parameter> parameters(JsonNode pathItem, String pathItemPointer, JsonNode operation,
			String operationPointer) {
		Map<String, Parameter> byKey = new LinkedHashMap<>();
		addParameters(pathItem.path("parameters"), pathItemPointer + "/parameters", byKey);
		addParameters(operation.path("parameters"), operationPointer + "/parameters", byKey);
		return List.copyOf(byKey.values());
	}

	private void addParameters(JsonNode list, String listPointer, Map<String, Parameter> byKey) {
		for (int i = 0; i < list.size(); i++) {
			Located parameter = deref(list.get(i), listPointer + "/" + i);
			JsonNode node = parameter.node();
			String name = node.path("name").asString("");
			String in = node.path("in").asString("");
			String schemaPointer = null;
			boolean jsonContent = false;
			if (node.has("schema")) {
				schemaPointer = parameter.pointer() + "/schema";
			}
			else if (node.path("content").isObject()) {
				for (String mediaType : node.path("content").propertyNames()) {
					if (node.path("content").path(mediaType).has("schema")) {
						schemaPointer = parameter.pointer() + "/content/" + escape(mediaType) + "/schema";
						jsonContent = mediaType.contains("json");
						break;
					}
				}
			}
			boolean required = node.path("required").asBoolean(false) || in.equals("path");
			byKey.put(in + ":" + name, new Parameter(name, in, required, schemaPointer, jsonContent));
		}
	}

	// --------------------------------------------------------------------------------------
	// request checks

	private void checkPathParameters(Route route, RequestView request, Collection<String> errors) {
		Map<String, String> values = new LinkedHashMap<>();
		String[] template = route.segments();
		for (int i = 0; i < template.length; i++) {
			if (isParameter(template[i])) {
				values.put(template[i].substring(1, template[i].length() - 1), request.segments()[i]);
			}
		}
		for (Parameter parameter : route.parameters()) {
			if (!parameter.in().equals("path") || parameter.schemaPointer() == null) {
				continue;
			}
			String value = values.get(parameter.name());
			if (value == null) {
				continue; // declared but not in the template: nothing a client can send
			}
			String what = "path parameter '" + parameter.name() + "'";
			JsonNode node = coerce(List.of(value), schemaNode(parameter.schemaPointer()), what, errors);
			if (node != null) {
				validate(Mode.STRICT, parameter.schemaPointer(), node, what, errors);
			}
		}
	}

	private void checkQueryParameters(Route route, RequestView request, Collection<String> errors) {
		Map<String, List<String>> query;
		try {
			query = request.query();
		}
		catch (IllegalArgumentException ex) {
			errors.add("query string is not properly percent-encoded: " + ex.getMessage());
			return;
		}
		List<Parameter> declared = route.parameters().stream().filter((p) -> p.in().equals("query")).toList();
		for (String name : query.keySet()) {
			if (declared.stream().noneMatch((p) -> p.name().equals(name))) {
				errors.add("unknown query parameter '" + name + "' ("
						+ (declared.isEmpty() ? "the operation declares no query parameters"
								: "declared: " + String.join(", ", declared.stream().map(Parameter::name).toList()))
						+ ")");
			}
		}
		for (Parameter parameter : declared) {
			List<String> values = query.get(parameter.name());
			String what = "query parameter '" + parameter.name() + "'";
			if (values == null) {
				if (parameter.required()) {
					errors.add("missing required " + what);
				}
				continue;
			}
			if (parameter.schemaPointer() == null) {
				continue;
			}
			JsonNode node;
			if (parameter.jsonContent()) {
				if (values.size() > 1) {
					errors.add(what + " is repeated " + values.size() + " times but holds one JSON value");
					continue;
				}
				try {
					node = JSON.readTree(values.get(0));
				}
				catch (JacksonException ex) {
					errors.add(what + " is not valid JSON: " + ex.getOriginalMessage());
					continue;
				}
			}
			else {
				node = coerce(values, schemaNode(parameter.schemaPointer()), what, errors);
			}
			if (node != null) {
				validate(Mode.STRICT, parameter.schemaPointer(), node, what, errors);
			}
		}
	}

	private void checkBody(Route route, RequestView request, Collection<String> errors) {
		JsonNode requestBody = deref(route.node().path("requestBody"), route.pointer() + "/requestBody").node();
		String requestBodyPointer = deref(route.node().path("requestBody"), route.pointer() + "/requestBody").pointer();
		boolean declared = requestBody.path("content").isObject();
		if (request.body().length == 0) {
			if (declared && requestBody.path("required").asBoolean(false)) {
				errors.add("request body is required (" + String.join(", ", requestBody.path("content").propertyNames())
						+ ") but none was sent");
			}
			return;
		}
		if (!declared) {
			errors.add("the operation declares no request body but " + request.body().length + " bytes were sent");
			return;
		}
		Collection<String> accepted = requestBody.path("content").propertyNames();
		String mediaType = request.mediaType();
		if (mediaType == null) {
			errors.add("request body sent without Content-Type (expected " + String.join(" or ", accepted) + ")");
			return;
		}
		if (!accepted.contains(mediaType)) {
			errors
				.add("Content-Type " + mediaType + " is not accepted (expected " + String.join(" or ", accepted) + ")");
			return;
		}
		String schemaPointer = requestBodyPointer + "/content/" + escape(mediaType) + "/schema";
		if (!requestBody.path("content").path(mediaType).has("schema")) {
			return;
		}
		if (mediaType.equals("multipart/form-data")) {
			checkMultipart(request, schemaPointer, errors);
		}
		else if (mediaType.contains("json")) {
			JsonNode json = request.json();
			if (json == null) {
				errors.add("request body is not valid JSON: " + request.bodyProblem());
				return;
			}
			validate(Mode.STRICT, schemaPointer, json, "body", errors);
		}
	}

	private void checkMultipart(RequestView request, String schemaPointer, Collection<String> errors) {
		List<MultipartForm.Part> parts = request.parts();
		if (parts == null) {
			errors.add("multipart body cannot be parsed: " + request.bodyProblem());
			return;
		}
		Map<String, JsonNode> properties = properties(schemaNode(schemaPointer));
		Map<String, List<MultipartForm.Part>> fields = new LinkedHashMap<>();
		for (MultipartForm.Part part : parts) {
			fields.computeIfAbsent(part.name(), (name) -> new ArrayList<>()).add(part);
		}
		ObjectNode form = NODES.objectNode();
		for (Map.Entry<String, List<MultipartForm.Part>> field : fields.entrySet()) {
			String name = field.getKey();
			List<MultipartForm.Part> values = field.getValue();
			JsonNode property = properties.get(name);
			String what = "multipart field '" + name + "'";
			if (property == null) {
				errors.add("unknown " + what + " (declared: " + String.join(", ", properties.keySet()) + ")");
				continue;
			}
			Set<String> types = types(property, 0);
			JsonNode items = types.contains("array") ? items(property, 0) : null;
			if (isBinary(property, 0) || (items != null && isBinary(items, 0))) {
				if (items != null) {
					ArrayNode array = form.putArray(name);
					values.forEach((part) -> array.add(placeholder(part)));
				}
				else if (values.size() > 1) {
					errors.add(what + " is repeated " + values.size() + " times but is a single file");
				}
				else {
					form.put(name, placeholder(values.get(0)));
				}
				continue;
			}
			MultipartForm.Part file = values.stream()
				.filter((part) -> part.filename() != null)
				.findFirst()
				.orElse(null);
			if (file != null) {
				errors.add(what + " is sent as a file (filename \"" + file.filename()
						+ "\") but the description expects a value, not a file");
				continue;
			}
			JsonNode node = coerce(values.stream().map(MultipartForm.Part::text).toList(), property, what, errors);
			if (node != null) {
				form.set(name, node);
			}
		}
		validate(Mode.STRICT, schemaPointer, form, "multipart form", errors);
	}

	private static String placeholder(MultipartForm.Part part) {
		return "<file" + ((part.filename() != null) ? " " + part.filename() : "") + ", " + part.content().length
				+ " bytes>";
	}

	// --------------------------------------------------------------------------------
	// schema tree helpers

	private Schema compiled(Mode mode, String pointer) {
		String key = mode.name() + pointer;
		Schema schema = this.compiled.get(key);
		if (schema != null) {
			return schema;
		}
		synchronized (this.registry) { // the validator creates sub-schemas under the same
										// lock
			schema = this.compiled.get(key);
			if (schema == null) {
				Schema document = (mode == Mode.STRICT) ? this.strictDocument : this.liveApiDocument;
				schema = document.getSubSchema(SchemaLocation.Fragment.of("#" + pointer));
				schema.initializeValidators();
				this.compiled.put(key, schema);
			}
		}
		return schema;
	}

	private void validate(Mode mode, String pointer, JsonNode instance, String prefix, Collection<String> errors) {
		for (Error error : compiled(mode, pointer).validate(instance)) {
			String location = (error.getInstanceLocation() != null) ? error.getInstanceLocation().toString() : "";
			String where = prefix.isEmpty() ? (location.isEmpty() ? "/" : location)
					: prefix + (location.isEmpty() ? "" : " " + location);
			errors.add(where + ": " + error.getMessage());
		}
	}

	private JsonNode schemaNode(String pointer) {
		return deref(this.root.at(pointer), pointer).node();
	}

	private Located deref(JsonNode node, String pointer) {
		JsonNode current = node;
		String currentPointer = pointer;
		for (int depth = 0; depth < 32 && current.isObject() && current.path("$ref").isString(); depth++) {
			String ref = current.path("$ref").asString();
			if (!ref.startsWith("#/")) {
				break;
			}
			currentPointer = ref.substring(1);
			current = this.root.at(currentPointer);
		}
		return new Located(current, currentPointer);
	}

	/**
	 * JSON types a schema admits, following $ref, anyOf, oneOf and allOf; empty when
	 * unconstrained.
	 */
	private Set<String> types(JsonNode schema, int depth) {
		Set<String> types = new LinkedHashSet<>();
		JsonNode node = deref(schema, "").node();
		if (depth > 16 || !node.isObject()) {
			return types;
		}
		JsonNode type = node.path("type");
		if (type.isString()) {
			types.add(type.asString());
		}
		else if (type.isArray()) {
			type.forEach((t) -> types.add(t.asString()));
		}
		if (types.isEmpty() && node.has("const")) {
			types.add(jsonType(node.get("const")));
		}
		if (types.isEmpty() && node.path("enum").isArray()) {
			node.path("enum").forEach((value) -> types.add(jsonType(value)));
		}
		for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
			node.path(combinator).forEach((branch) -> types.addAll(types(branch, depth + 1)));
		}
		if (types.contains("integer")) {
			types.add("number");
		}
		return types;
	}

	private @Nullable JsonNode items(JsonNode schema, int depth) {
		JsonNode node = deref(schema, "").node();
		if (depth > 16 || !node.isObject()) {
			return null;
		}
		if (node.has("items")) {
			return node.get("items");
		}
		for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
			for (JsonNode branch : node.path(combinator)) {
				JsonNode items = items(branch, depth + 1);
				if (items != null) {
					return items;
				}
			}
		}
		return null;
	}

	private boolean isBinary(JsonNode schema, int depth) {
		JsonNode node = deref(schema, "").node();
		if (depth > 16 || !node.isObject()) {
			return false;
		}
		if (node.path("format").asString("").equals("binary") || node.has("contentMediaType")) {
			return true;
		}
		for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
			for (JsonNode branch : node.path(combinator)) {
				if (isBinary(branch, depth + 1)) {
					return true;
				}
			}
		}
		return false;
	}

	private Map<String, JsonNode> properties(JsonNode schema) {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		collectProperties(schema, properties, 0);
		return properties;
	}

	private void collectProperties(JsonNode schema, Map<String, JsonNode> into, int depth) {
		JsonNode node = deref(schema, "").node();
		if (depth > 16 || !node.isObject()) {
			return;
		}
		for (Map.Entry<String, JsonNode> property : node.path("properties").properties()) {
			into.putIfAbsent(property.getKey(), property.getValue());
		}
		node.path("allOf").forEach((branch) -> collectProperties(branch, into, depth + 1));
	}

	/**
	 * Converts text values (query, path, form fields) to the JSON the schema expects;
	 * {@code null} after adding an error when a single-valued field is repeated.
	 */
	private @Nullable JsonNode coerce(List<String> values, JsonNode schema, String what, Collection<String> errors) {
		Set<String> types = types(schema, 0);
		if (types.contains("array")) {
			JsonNode items = items(schema, 0);
			Set<String> itemTypes = (items != null) ? types(items, 0) : Set.of();
			ArrayNode array = NODES.arrayNode();
			values.forEach((value) -> array.add(coerceScalar(value, itemTypes)));
			return array;
		}
		if (values.size() > 1) {
			errors.add(what + " is repeated " + values.size() + " times but is not an array");
			return null;
		}
		return coerceScalar(values.get(0), types);
	}

	private static JsonNode coerceScalar(String value, Set<String> types) {
		if (types.contains("integer") && INTEGER.matcher(value).matches()) {
			BigInteger number = new BigInteger(value);
			return (number.bitLength() < 64) ? NODES.numberNode(number.longValue()) : NODES.numberNode(number);
		}
		if (types.contains("number") && NUMBER.matcher(value).matches()) {
			return NODES.numberNode(new BigDecimal(value));
		}
		if (types.contains("boolean") && (value.equals("true") || value.equals("false"))) {
			return NODES.booleanNode(Boolean.parseBoolean(value));
		}
		if ((types.contains("object") || types.contains("array")) && !types.contains("string")) {
			try {
				return JSON.readTree(value);
			}
			catch (JacksonException ex) {
				return NODES.stringNode(value);
			}
		}
		return NODES.stringNode(value);
	}

	private static String jsonType(JsonNode value) {
		if (value.isNull()) {
			return "null";
		}
		if (value.isBoolean()) {
			return "boolean";
		}
		if (value.isIntegralNumber()) {
			return "integer";
		}
		if (value.isNumber()) {
			return "number";
		}
		if (value.isArray()) {
			return "array";
		}
		if (value.isObject()) {
			return "object";
		}
		return "string";
	}

	private static void removeRequired(ObjectNode schema, String property) {
		JsonNode required = schema.get("required");
		if (required instanceof ArrayNode array) {
			for (int i = array.size() - 1; i >= 0; i--) {
				if (array.get(i).asString("").equals(property)) {
					array.remove(i);
				}
			}
		}
		for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
			for (JsonNode branch : schema.path(combinator)) {
				if (branch instanceof ObjectNode object && !object.has("$ref")) {
					removeRequired(object, property);
				}
			}
		}
	}

	/** Escapes one JSON pointer token (RFC 6901). */
	static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}

	private static boolean isParameter(String segment) {
		return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
	}

	private static String[] templateSegments(String httpPath) {
		String trimmed = httpPath.startsWith("/") ? httpPath.substring(1) : httpPath;
		return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
	}

	// -------------------------------------------------------------------------------------
	// failure messages

	static String failure(String headline, List<String> errors, @Nullable String contentType, byte @Nullable [] body) {
		StringBuilder message = new StringBuilder(headline).append(':');
		for (String error : errors) {
			message.append("\n  - ").append(error);
		}
		if (body != null && body.length > 0) {
			message.append("\nBody (")
				.append((contentType != null) ? contentType : "no Content-Type")
				.append(", ")
				.append(body.length)
				.append(" bytes):\n")
				.append(shown(body));
		}
		return message.toString();
	}

	/** The body as text, non-printable characters replaced, cut to a readable length. */
	static String shown(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		StringBuilder shown = new StringBuilder(Math.min(text.length(), MAX_SHOWN_CHARS + 40));
		for (int i = 0; i < text.length() && shown.length() < MAX_SHOWN_CHARS; i++) {
			char c = text.charAt(i);
			shown.append((Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') ? '.' : c);
		}
		if (text.length() > MAX_SHOWN_CHARS) {
			shown.append("... (").append(text.length() - MAX_SHOWN_CHARS).append(" more characters)");
		}
		return shown.toString();
	}

	// ----------------------------------------------------------------------------------------
	// internals

	private static final class Holder {

		static final Object STATE = initialState();

	}

	private record Missing(String description) {
	}

	private record Broken(String message, RuntimeException cause) {
	}

	private record Relaxation(String schema, String description, Consumer<ObjectNode> patch) {
	}

	private record Located(JsonNode node, String pointer) {
	}

	private record Parameter(String name, String in, boolean required, @Nullable String schemaPointer,
			boolean jsonContent) {
	}

	private record Resolution(@Nullable Route route, @Nullable String error) {
		static Resolution error(String error) {
			return new Resolution(null, error);
		}
	}

	private record Route(Operation operation, String pointer, JsonNode node, String[] segments,
			List<Parameter> parameters) {

		int literals() {
			int literals = 0;
			for (String segment : this.segments) {
				if (!isParameter(segment)) {
					literals++;
				}
			}
			return literals;
		}

		boolean matches(String[] concrete) {
			if (concrete.length != this.segments.length) {
				return false;
			}
			for (int i = 0; i < this.segments.length; i++) {
				if (isParameter(this.segments[i]) ? concrete[i].isEmpty() : !this.segments[i].equals(concrete[i])) {
					return false;
				}
			}
			return true;
		}
	}

}
