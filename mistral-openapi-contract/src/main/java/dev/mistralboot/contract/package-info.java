/**
 * Contract checks against the official Mistral OpenAPI 3.1 description.
 *
 * <p>
 * {@link dev.mistralboot.contract.OpenApiContract} loads the description once per JVM and
 * validates requests, response bodies and component schemas;
 * {@link dev.mistralboot.contract.ContractCoverage} records which operations conforming
 * requests exercised; {@link dev.mistralboot.contract.WireMockContract} checks every
 * request a WireMock server received. The description file is never copied into the
 * repository: it is read from the path in the system property
 * {@code mistral.openapi.path} or found next to the repository.
 */
@NullMarked
package dev.mistralboot.contract;

import org.jspecify.annotations.NullMarked;
