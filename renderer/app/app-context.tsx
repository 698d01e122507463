// The API client and the commands, handed to components through React context (never imported as
// globals by components), so a test or a second window can supply its own.
import { createContext, useContext, type ReactNode } from 'react';
import type { WeftClient } from '../api/client.js';
import type { Commands } from './commands/index.js';

export interface AppServices {
  readonly client: WeftClient;
  readonly commands: Commands;
}

const AppContext = createContext<AppServices | null>(null);

export function AppServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <AppContext.Provider value={services}>{children}</AppContext.Provider>;
}

function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('AppServicesProvider is missing above this component');
  return services;
}

export const useCommands = (): Commands => useServices().commands;
export const useApiClient = (): WeftClient => useServices().client;
