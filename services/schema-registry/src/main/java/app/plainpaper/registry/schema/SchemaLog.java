package app.plainpaper.registry.schema;

/**
 * The registry's only store: an ordered log that every instance folds into its {@link RegistryState}.
 */
public interface SchemaLog {

  /** Appends a record and returns once this instance's state has applied it. */
  void append(StoreRecord record);

  /** Returns once this instance's state has applied everything appended before the call. */
  void catchUp();
}
