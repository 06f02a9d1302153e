package org.gridmap.db;

import java.util.List;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * Hibernate over the pooled {@link DataSource}. Hibernate only <em>validates</em> the schema: the
 * schema belongs to the Flyway migrations, and start-up fails if an entity and a table disagree.
 */
public final class Orm {

  private Orm() {}

  public static SessionFactory sessionFactory(DataSource dataSource, List<Class<?>> entities) {
    Configuration configuration = new Configuration();
    entities.forEach(configuration::addAnnotatedClass);
    configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
    configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
    configuration.setProperty(AvailableSettings.SHOW_SQL, "false");
    configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "200");
    configuration.setProperty(AvailableSettings.ORDER_INSERTS, "true");
    configuration.setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
    // Start without asking the database for its metadata first, so a slow database does not stall.
    configuration.setProperty("hibernate.boot.allow_jdbc_metadata_access", "true");
    return configuration.buildSessionFactory();
  }
}
