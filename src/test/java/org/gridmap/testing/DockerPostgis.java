package org.gridmap.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** PostGIS in a container, for developers who have a Docker engine. */
final class DockerPostgis {
  private static PostgreSQLContainer<?> container;

  private DockerPostgis() {}

  static boolean dockerAvailable() {
    if ("false".equalsIgnoreCase(System.getenv("GRIDMAP_TEST_DOCKER"))) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @SuppressWarnings("resource")
  static synchronized String start() {
    if (container == null) {
      container =
          new PostgreSQLContainer<>(
                  DockerImageName.parse("postgis/postgis:15-3.4")
                      .asCompatibleSubstituteFor("postgres"))
              .withDatabaseName("gridmap_test")
              .withUsername("gridmap")
              .withPassword("gridmap");
      container.start();
    }
    return container.getJdbcUrl()
        + (container.getJdbcUrl().contains("?") ? "&" : "?")
        + "user=gridmap&password=gridmap";
  }
}
