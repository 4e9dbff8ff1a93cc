/** One concern of the main process with a lifecycle; index.ts inits them in order and disposes in reverse. */
export interface Service {
  /** Short id for logs. */
  readonly name: string;
  init(): void | Promise<void>;
  dispose(): void;
}

/** Inits services in order; if one fails, the ones already started are disposed and the error rethrown. */
export async function initServices(services: readonly Service[]): Promise<() => void> {
  const started: Service[] = [];
  const disposeAll = (): void => {
    for (const service of started.splice(0).reverse()) {
      try {
        service.dispose();
      } catch (error) {
        console.error(`[main] dispose failed: ${service.name}`, error instanceof Error ? error.name : 'unknown');
      }
    }
  };
  for (const service of services) {
    try {
      await service.init();
    } catch (error) {
      disposeAll();
      throw error;
    }
    started.push(service);
  }
  return disposeAll;
}
