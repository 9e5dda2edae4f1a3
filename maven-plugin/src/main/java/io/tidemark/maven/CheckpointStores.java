package io.tidemark.maven;

import io.tidemark.internal.checkpoint.CheckpointStore;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ShutdownHookManager;

/**
 * Opens checkpoint directories from inside Maven. Hadoop's filesystems register a JVM shutdown hook
 * that loads a class of Hadoop's only when it runs; by then Maven has closed this plugin's class realm,
 * and every build that read a checkpoint would end with a NoClassDefFoundError. So that class is
 * loaded while the realm is open.
 */
final class CheckpointStores {

  private static final String HOOK_ORDER_CLASS = ShutdownHookManager.class.getName() + "$2";

  private CheckpointStores() {}

  static CheckpointStore open(String directory) {
    CheckpointStore store = CheckpointStore.open(directory, new Configuration());
    try {
      Class.forName(HOOK_ORDER_CLASS, true, ShutdownHookManager.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      // another Hadoop version: at worst, the stack trace after the build
    }
    return store;
  }
}
