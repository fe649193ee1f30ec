package dev.mistralboot.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * JVM-wide, thread-safe record of the operations that conforming requests exercised.
 *
 * <p>
 * {@link OpenApiContract#validateRequest} (and everything built on it:
 * {@code assertRequestValid}, {@link WireMockContract}) calls {@link #record(String)} for
 * every request that matched an operation and had no errors. Each operation id is kept in
 * memory ({@link #covered()}) and, the first time it is seen in this JVM, appended as one
 * line to a file in {@link #defaultDirectory()}: {@code target/contract-coverage/} under
 * the working directory (Surefire runs tests in the module directory), or the directory
 * in the system property {@value #DIRECTORY_PROPERTY}. The file is named
 * {@code <module directory>-<pid>-<JVM start millis>.txt}, so forked JVMs never write to
 * the same file, and {@link #readAll(Path)} returns the union of all files.
 *
 * <h2>Writing a coverage check</h2> A module that wants to prove its client exercises
 * every operation of some tags adds one test that runs after all others and compares the
 * recorded ids with the description: <pre>{@code
 * &#64;Order(Integer.MAX_VALUE) // runs last with junit.jupiter.testclass.order.default=
 * class ContractCoverageCheckTest { //     org.junit.jupiter.api.ClassOrderer$OrderAnnotation
 *

&#64;Test
 *     void everyFilesAndBatchOperationIsExercised() {
 *         OpenApiContract contract = OpenApiContract.get();
 *         List<Operation> wanted = new ArrayList<>(contract.operations("files"));
 *         wanted.addAll(contract.operations("batch"));
 *         ContractCoverage.assertCovered(wanted, ContractCoverage.readAll(ContractCoverage.defaultDirectory()));
 *     }
 * }
 * }</pre> Put
 * {@code junit.jupiter.testclass.order.default=org.junit.jupiter.api.ClassOrderer$OrderAnnotation}
 * into {@code src/test/resources/junit-platform.properties}: classes without
 * {@code @Order} then run before the one annotated {@code @Order(Integer.MAX_VALUE)}.
 * With Surefire's default single forked JVM, {@link #covered()} is exact;
 * {@link #readAll(Path)} also sees other forks (and other modules, when pointed at their
 * directories). Files are only removed by {@code mvn clean}: a build without
 * {@code clean} still sees ids recorded by earlier runs, which can only over-report
 * coverage, never fail a check wrongly. CI builds should run {@code clean verify}.
 */
public final class ContractCoverage {

	/** System property that overrides the directory the coverage files are written to. */
	public static final String DIRECTORY_PROPERTY = "mistral.contract.coverage.dir";

	private static final Set<String> COVERED = ConcurrentHashMap.newKeySet();

	private static final Object FILE_LOCK = new Object();

	private static volatile boolean writeFailureReported;

	private ContractCoverage() {
	}

	/**
	 * Records that a conforming request exercised an operation. The first time an id is
	 * recorded in this JVM it is appended to this JVM's coverage file.
	 * @param operationId the operation id from the description
	 */
	public static void record(String operationId) {
		if (COVERED.add(operationId)) {
			append(operationId);
		}
	}

	/**
	 * The operation ids recorded in this JVM so far.
	 * @return an immutable, sorted snapshot
	 */
	public static Set<String> covered() {
		return Set.copyOf(new TreeSet<>(COVERED));
	}

	/**
	 * The directory this JVM writes its coverage file to: the system property
	 * {@value #DIRECTORY_PROPERTY} when set, otherwise {@code target/contract-coverage}
	 * under the working directory.
	 * @return the absolute directory path (it may not exist yet)
	 */
	public static Path defaultDirectory() {
		String configured = System.getProperty(DIRECTORY_PROPERTY);
		Path dir = (configured != null && !configured.isBlank()) ? Path.of(configured)
				: Path.of(System.getProperty("user.dir"), "target", "contract-coverage");
		return dir.toAbsolutePath().normalize();
	}

	/**
	 * Reads every coverage file ({@code *.txt}, one operation id a line) in a directory.
	 * @param dir the directory, usually {@link #defaultDirectory()}
	 * @return the union of all recorded operation ids, sorted; empty when the directory
	 * does not exist
	 * @throws UncheckedIOException when a file cannot be read
	 */
	public static Set<String> readAll(Path dir) {
		Set<String> all = new TreeSet<>();
		if (!Files.isDirectory(dir)) {
			return all;
		}
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".txt")).toList()) {
				for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					String id = line.trim();
					if (!id.isEmpty() && !id.startsWith("#")) {
						all.add(id);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read contract coverage in " + dir, ex);
		}
		return all;
	}

	/**
	 * The operations whose ids are not in {@code coveredIds}.
	 * @param operations the operations that must be exercised, for example
	 * {@code contract.operations("files")}
	 * @param coveredIds the recorded ids, from {@link #covered()} or
	 * {@link #readAll(Path)}
	 * @return the uncovered operations, in the given order
	 */
	public static List<Operation> uncovered(Collection<Operation> operations, Set<String> coveredIds) {
		List<Operation> missing = new ArrayList<>();
		for (Operation operation : operations) {
			if (!coveredIds.contains(operation.operationId())) {
				missing.add(operation);
			}
		}
		return missing;
	}

	/**
	 * Fails when some operations were not exercised by any conforming request.
	 * @param operations the operations that must be exercised
	 * @param coveredIds the recorded ids, from {@link #covered()} or
	 * {@link #readAll(Path)}
	 * @throws AssertionError listing every uncovered operation
	 */
	public static void assertCovered(Collection<Operation> operations, Set<String> coveredIds) {
		List<Operation> missing = uncovered(operations, coveredIds);
		if (!missing.isEmpty()) {
			StringBuilder message = new StringBuilder().append(missing.size())
				.append(" of ")
				.append(operations.size())
				.append(" operations were not exercised by any request that conforms to the Mistral OpenAPI ")
				.append("description:");
			for (Operation operation : missing) {
				message.append("\n  - ").append(operation);
			}
			message.append("\n(")
				.append(coveredIds.size())
				.append(" operation ids recorded; see ")
				.append(defaultDirectory())
				.append(")");
			throw new AssertionError(message.toString());
		}
	}

	/**
	 * Clears this JVM's in-memory record (files are left alone). For tests of this
	 * module.
	 */
	static void resetInMemory() {
		COVERED.clear();
	}

	/** This JVM's coverage file. */
	static Path jvmFile() {
		Path dir = defaultDirectory();
		Path cwdName = Path.of(System.getProperty("user.dir")).toAbsolutePath().getFileName();
		String module = (cwdName != null) ? cwdName.toString().replaceAll("[^A-Za-z0-9._-]", "_") : "root";
		long pid = ProcessHandle.current().pid();
		long start = ManagementFactory.getRuntimeMXBean().getStartTime();
		return dir.resolve(module + "-" + pid + "-" + start + ".txt");
	}

	private static void append(String operationId) {
		synchronized (FILE_LOCK) {
			@Nullable Path file = null;
			try {
				file = jvmFile();
				Files.createDirectories(file.getParent());
				Files.writeString(file, operationId + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND, StandardOpenOption.WRITE);
			}
			catch (IOException | RuntimeException ex) {
				if (!writeFailureReported) {
					writeFailureReported = true;
					System.err.println("[mistral-openapi-contract] cannot write contract coverage to " + file + ": "
							+ ex + " (coverage stays in memory only)");
				}
			}
		}
	}

}
