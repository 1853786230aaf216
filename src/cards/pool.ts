/**
 * A small pool of card workers, one per core: satori is synchronous JavaScript, so drawing cards on
 * the build's own thread would use one core. Workers are unreferenced while idle, so a build that has
 * finished never waits for them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CardText } from './layout.ts';
import type { CardRequest, CardResponse, CardWorkerData } from './worker.ts';

export interface CardPool {
  /** Draws a card into `file` (a cache file); resolves when it is there. */
  draw(text: CardText, file: string): Promise<void>;
  close(): Promise<void>;
}

interface Task {
  id: number;
  text: CardText;
  file: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

export function createCardPool(options: { workerFile: string; workerData: CardWorkerData; size?: number | undefined }): CardPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  const queue: Task[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Task>();
  const workers: Worker[] = [];
  let nextId = 0;

  const dispatch = (): void => {
    while (queue.length > 0 && idle.length > 0) {
      const worker = idle.pop()!;
      const task = queue.shift()!;
      busy.set(worker, task);
      worker.ref();
      worker.postMessage({ id: task.id, text: task.text, file: task.file } satisfies CardRequest);
    }
  };

  const spawn = (): Worker => {
    const worker = new Worker(options.workerFile, { workerData: options.workerData });
    worker.on('message', (response: CardResponse) => {
      const task = busy.get(worker);
      busy.delete(worker);
      worker.unref();
      idle.push(worker);
      if (task) {
        if ('error' in response) task.reject(new Error(`share card "${task.text.title}" could not be drawn: ${response.error}`));
        else task.resolve();
      }
      dispatch();
    });
    worker.on('error', (error) => {
      const task = busy.get(worker);
      busy.delete(worker);
      workers.splice(workers.indexOf(worker), 1);
      if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1);
      const failure = new Error(`share-card worker failed: ${error.message}`, { cause: error });
      if (task) task.reject(failure);
      // A worker that cannot start (missing font package, bad photo) fails every queued card alike.
      for (const waiting of queue.splice(0)) waiting.reject(failure);
    });
    worker.unref();
    return worker;
  };

  return {
    draw(text, file) {
      if (workers.length < size && idle.length === 0) {
        const worker = spawn();
        workers.push(worker);
        idle.push(worker);
      }
      return new Promise<void>((resolve, reject) => {
        queue.push({ id: nextId++, text, file, resolve, reject });
        dispatch();
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
