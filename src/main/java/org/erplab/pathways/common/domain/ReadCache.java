package org.erplab.pathways.common.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows read often and written seldom (programme parameters, a project's calendar), kept in memory for a short time
 * (ADR 0024). A write through this node forgets the entry at once and again when its transaction ends, so no reader
 * caches the old rows while the write is not yet committed; a write by another node, or by hand in SQL, is seen after
 * at most the time to live.
 */
public final class ReadCache<K, V> {

  private final Cache<K, V> entries;

  public ReadCache(Duration ttl, long maximumSize) {
    this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
  }

  public V get(K key, Function<? super K, ? extends V> load) {
    return entries.get(key, load);
  }

  /** Forgets the key now and, inside a transaction, again when it commits or rolls back. */
  public void forget(K key) {
    entries.invalidate(key);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          entries.invalidate(key);
        }
      });
    }
  }

  /** Forgets everything (rows changed by hand: tests, an operator's SQL). */
  public void forgetAll() {
    entries.invalidateAll();
  }
}
