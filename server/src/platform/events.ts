import { EventEmitter } from 'node:events';
import type { Notification } from '../modules/notifications/index.js';

/** In-process domain events: side effects cross modules through these, never through repositories. */
export type DomainEvents = {
  CompanyStatusChanged: { companyId: string; status: string };
  JobPublished: { jobId: string; companyId: string };
  NotificationCreated: { notification: Notification };
};

export class EventBus {
  private readonly emitter = new EventEmitter();

  emit<Name extends keyof DomainEvents>(name: Name, payload: DomainEvents[Name]): void {
    this.emitter.emit(name, payload);
  }

  on<Name extends keyof DomainEvents>(name: Name, listener: (payload: DomainEvents[Name]) => void): void {
    this.emitter.on(name, listener);
  }
}
