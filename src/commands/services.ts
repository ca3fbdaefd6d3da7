import type { Calendar } from '../domain/calendar.ts';
import type { Logger } from '../domain/log.ts';
import type { OrderRepository } from '../domain/orders/order-repository.ts';
import type { Clock, DocStore } from '../domain/ports.ts';
import type { RoleLookup } from '../domain/roles.ts';
import type { StoreData } from '../domain/store-data.ts';
import type { Lang } from './lang.ts';

/** What command handlers can reach: the domain's services, built once at start. */
export interface Services {
  store: { name: string; timeZone: string; currency: string; lang: Lang };
  clock: Clock;
  calendar: Calendar;
  data: StoreData;
  orders: OrderRepository;
  docs: DocStore;
  roles: RoleLookup;
  log: Logger;
}
