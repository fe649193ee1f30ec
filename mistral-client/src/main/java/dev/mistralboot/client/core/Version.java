package dev.mistralboot.client.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this library, for the {@code User-Agent} header.
 */
final class Version {

	private static final String VERSION = load();

	private Version() {
	}

	static String get() {
		return VERSION;
	}

	private static String load() {
		try (InputStream in = Version.class.getResourceAsStream("mistral-client.properties")) {
			if (in != null) {
				Properties properties = new Properties();
				properties.load(in);
				return properties.getProperty("version", "dev");
			}
		}
		catch (IOException ex) {
			// fall through
		}
		return "dev";
	}

}
