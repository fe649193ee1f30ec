package dev.mistralboot.autoconfigure;

/**
 * Thrown at start-up when a library the Mistral clients need is on the class path in a
 * version older than the one they were built against, typically because another library
 * (such as Spring AI) depends on an older one and the build tool picked it.
 */
public final class MistralDependencyVersionException extends IllegalStateException {

	private final String library;

	private final String foundVersion;

	private final String requiredVersion;

	private final String location;

	/**
	 * Creates the exception.
	 * @param library the library, as {@code groupId:artifactId}
	 * @param foundVersion the version on the class path
	 * @param requiredVersion the oldest version the clients work with
	 * @param location where the old version was loaded from
	 */
	public MistralDependencyVersionException(String library, String foundVersion, String requiredVersion,
			String location) {
		super("The Mistral clients need " + library + " " + requiredVersion + " or later, but " + foundVersion
				+ " is on the class path (" + location + "); declare " + library + " " + requiredVersion
				+ " in your build's dependency management");
		this.library = library;
		this.foundVersion = foundVersion;
		this.requiredVersion = requiredVersion;
		this.location = location;
	}

	/**
	 * The library, as {@code groupId:artifactId}.
	 * @return the library
	 */
	public String getLibrary() {
		return this.library;
	}

	/**
	 * The version found on the class path.
	 * @return the version
	 */
	public String getFoundVersion() {
		return this.foundVersion;
	}

	/**
	 * The oldest version the clients work with.
	 * @return the version
	 */
	public String getRequiredVersion() {
		return this.requiredVersion;
	}

	/**
	 * Where the old version was loaded from (a jar).
	 * @return the location
	 */
	public String getLocation() {
		return this.location;
	}

}
