package org.erplab.pathways.common.infrastructure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * One node starts at a time on a shared PostgreSQL (issue 11, ADR 0041). A node's start-up writes to the database
 * beside serving: the engine creates its schema on an empty database, and the listeners of
 * {@code ApplicationReadyEvent} set up authorizations, partitions, programme instances, upgrades of pathways and, with
 * {@code demo}, the demo users. Two nodes doing that at the same moment collide (a duplicate authorization stopped
 * one of them). So before the process engine is built the node takes a session-level advisory lock on a connection of
 * its own, and lets it go when it is ready for traffic (after every ready listener ran) or when it stops; a second
 * node starting meanwhile waits for it and then finds everything done. A node killed during its start-up loses its
 * connection, and with it the lock. Nothing to do on H2 (one node, a file of its own).
 */
@Configuration(proxyBeanMethods = false)
public class ClusterStartupLock {

  static final String BEAN = "clusterStartupLockHolder";

  /** Advisory lock key: "ERPS" in ASCII, the same on every node of every version. */
  static final long KEY = 0x45525053L;

  /** The process engine (and so its schema creation) waits for the lock. */
  @Bean
  static BeanFactoryPostProcessor engineWaitsForTheStartupLock() {
    return factory -> dependOnLock(factory);
  }

  @Bean(BEAN)
  Holder clusterStartupLockHolder(DataSource dataSource) {
    return new Holder(dataSource);
  }

  static void dependOnLock(ConfigurableListableBeanFactory factory) {
    List<String> names = new ArrayList<>(Arrays.asList(factory.getBeanNamesForType(ProcessEngine.class, true, false)));
    names.addAll(Arrays.asList(factory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)));
    for (String name : names) {
      String definitionName = name.startsWith("&") ? name.substring(1) : name;
      if (!factory.containsBeanDefinition(definitionName)) {
        continue;
      }
      BeanDefinition definition = factory.getBeanDefinition(definitionName);
      List<String> dependsOn = new ArrayList<>(definition.getDependsOn() == null ? List.of()
          : Arrays.asList(definition.getDependsOn()));
      if (!dependsOn.contains(BEAN)) {
        dependsOn.add(BEAN);
        definition.setDependsOn(dependsOn.toArray(String[]::new));
      }
    }
  }

  /** Holds the lock from its creation until the node is ready or stops. */
  public static final class Holder implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterStartupLock.class);

    private Connection connection;

    Holder(DataSource dataSource) {
      Connection candidate = null;
      try {
        candidate = dataSource.getConnection();
        if (!"PostgreSQL".equals(candidate.getMetaData().getDatabaseProductName())) {
          candidate.close();
          return;
        }
        candidate.setAutoCommit(true);
        if (!query(candidate, "select pg_try_advisory_lock(" + KEY + ")")) {
          LOG.info("Another node is starting on this database: waiting for it to be ready");
          query(candidate, "select pg_advisory_lock(" + KEY + ") is not null");
        }
        connection = candidate;
        LOG.info("Start-up lock taken");
      } catch (SQLException e) {
        closeQuietly(candidate);
        throw new IllegalStateException("Cannot take the start-up lock", e);
      }
    }

    @EventListener
    public void ready(AvailabilityChangeEvent<ReadinessState> event) {
      if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
        release();
      }
    }

    @Override
    public void destroy() {
      release();
    }

    synchronized void release() {
      if (connection == null) {
        return;
      }
      try (Connection held = connection) {
        query(held, "select pg_advisory_unlock(" + KEY + ")");
        LOG.info("Start-up lock released");
      } catch (SQLException e) {
        // closing the connection ends the session, and with it the lock
        LOG.warn("Start-up lock released by closing its connection ({})", e.getClass().getName());
      } finally {
        connection = null;
      }
    }

    private static void closeQuietly(Connection connection) {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // the start-up fails anyway
        }
      }
    }

    private static boolean query(Connection connection, String sql) throws SQLException {
      try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
        return result.next() && result.getBoolean(1);
      }
    }
  }
}
