package dev.mistralboot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * Checks that the libraries the clients share with other AI libraries (victools
 * jsonschema-generator and its Jackson module, also used by Spring AI) are recent enough,
 * so that an older version picked by the build fails with a message that names the
 * library, both versions and the fix, instead of a {@link NoSuchMethodError} in the
 * middle of creating a bean. Called by the auto-configurations when they build the HTTP
 * cores and the tool registry, what every client and tool needs first (at start-up when
 * the application injects one), and the chat clients, whose structured output generates
 * schemas (for an application's own HTTP core); not meant for applications.
 */
public final class MistralDependencyCheck {

	/** What the clients need: built against these versions' APIs (Jackson 3). */
	static final List<Requirement> REQUIREMENTS = List.of(
			new Requirement("com.github.victools", "jsonschema-generator", "5.0.0"),
			new Requirement("com.github.victools", "jsonschema-module-jackson", "5.0.0"));

	/**
	 * The class loaders whose libraries passed: each is read once, however many of the
	 * beans that need the libraries ask (the HTTP cores, the chat clients, the tool
	 * registry). A failure is not remembered, so every asker fails with it.
	 */
	private static final Set<ClassLoader> passed = Collections
		.newSetFromMap(new ConcurrentReferenceHashMap<>(4, ConcurrentReferenceHashMap.ReferenceType.WEAK));

	private MistralDependencyCheck() {
	}

	/**
	 * Fails when a required library is older than needed. A library whose version cannot
	 * be read (a repackaged or shaded jar) passes. The libraries of a class loader that
	 * passed are not read again.
	 * @param classLoader where to look
	 * @throws MistralDependencyVersionException naming the library, both versions and
	 * where the old one came from
	 */
	public static void verify(@Nullable ClassLoader classLoader) {
		ClassLoader loader = (classLoader != null) ? classLoader : MistralDependencyCheck.class.getClassLoader();
		if (passed.contains(loader)) {
			return;
		}
		for (Requirement requirement : REQUIREMENTS) {
			Found found = find(loader, requirement);
			if (found != null) {
				check(requirement, found.version(), found.location());
			}
		}
		passed.add(loader);
	}

	static void check(Requirement requirement, String foundVersion, String location) {
		if (compare(foundVersion, requirement.minimum()) < 0) {
			throw new MistralDependencyVersionException(requirement.groupId() + ":" + requirement.artifactId(),
					foundVersion, requirement.minimum(), location);
		}
	}

	private static @Nullable Found find(ClassLoader loader, Requirement requirement) {
		String resource = "META-INF/maven/" + requirement.groupId() + "/" + requirement.artifactId()
				+ "/pom.properties";
		URL url = loader.getResource(resource);
		if (url == null) {
			return null;
		}
		Properties properties = new Properties();
		try (InputStream in = url.openStream()) {
			properties.load(in);
		}
		catch (IOException ex) {
			return null;
		}
		String version = properties.getProperty("version");
		if (version == null) {
			return null;
		}
		String location = url.toString();
		int separator = location.indexOf("!/");
		return new Found(version, (separator > 0) ? location.substring(0, separator) : location);
	}

	/**
	 * Compares dotted versions by their numeric parts ({@code 4.38.0} &lt; {@code 5.0.0};
	 * qualifiers such as {@code -SNAPSHOT} are ignored).
	 */
	static int compare(String left, String right) {
		int[] a = numbers(left);
		int[] b = numbers(right);
		for (int i = 0; i < Math.max(a.length, b.length); i++) {
			int x = (i < a.length) ? a[i] : 0;
			int y = (i < b.length) ? b[i] : 0;
			if (x != y) {
				return Integer.compare(x, y);
			}
		}
		return 0;
	}

	private static int[] numbers(String version) {
		String[] parts = version.split("[.-]");
		int[] numbers = new int[parts.length];
		int count = 0;
		for (String part : parts) {
			if (!part.chars().allMatch(Character::isDigit) || part.isEmpty()) {
				break;
			}
			numbers[count++] = Integer.parseInt(part);
		}
		return java.util.Arrays.copyOf(numbers, count);
	}

	/**
	 * A library and the oldest version the clients work with.
	 *
	 * @param groupId the library's group
	 * @param artifactId the library's artifact
	 * @param minimum the oldest version that works
	 */
	record Requirement(String groupId, String artifactId, String minimum) {
	}

	private record Found(String version, String location) {
	}

}
