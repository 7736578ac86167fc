import { describe, expect, it, vi } from 'vitest';
import { Subscription } from '../src/index';

describe('Subscription', () => {
  it('resolves the acknowledgement, yields notifications in order and ends on close', async () => {
    const cancel = vi.fn();
    const subscription = new Subscription(cancel);
    subscription.deliver('notifications/subscriptions/acknowledged', {
      notifications: { toolsListChanged: true },
    });
    expect(await subscription.acknowledged).toEqual({ toolsListChanged: true });
    subscription.deliver('notifications/tools/list_changed', undefined);
    subscription.deliver('notifications/tools/list_changed', { n: 2 });
    const seen: unknown[] = [];
    for await (const item of subscription) {
      seen.push(item.params);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([undefined, { n: 2 }]);
    expect(cancel).toHaveBeenCalledOnce();
    expect(subscription.closed).toBe(true);
  });

  it('rejects the acknowledgement and the iteration when the stream fails', async () => {
    const subscription = new Subscription(() => {});
    const iterator = subscription[Symbol.asyncIterator]();
    const next = iterator.next();
    subscription.end(new Error('the server went away'));
    await expect(next).rejects.toThrow('the server went away');
    await expect(subscription.acknowledged).rejects.toThrow('the server went away');
  });
});
