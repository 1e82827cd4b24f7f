import * as assert from 'node:assert/strict';
import { Disposable, disposeAll } from '../../../src/util/dispose';

class Owner extends Disposable {
  add(disposable: { dispose(): void }): void {
    this.register(disposable);
  }
}

describe('disposal', () => {
  it('disposes every item in reverse order of registration, once', () => {
    const order: string[] = [];
    const owner = new Owner();
    for (const name of ['a', 'b', 'c']) owner.add({ dispose: () => order.push(name) });
    owner.dispose();
    owner.dispose();
    assert.deepEqual(order, ['c', 'b', 'a']);
  });

  it('goes on past an item that throws and rethrows its error', () => {
    const order: string[] = [];
    const owner = new Owner();
    owner.add({ dispose: () => order.push('first') });
    owner.add({ dispose: () => { throw new Error('broken'); } });
    owner.add({ dispose: () => order.push('last') });
    assert.throws(() => owner.dispose(), { message: 'broken' });
    assert.deepEqual(order, ['last', 'first']);
  });

  it('collects several failures into an AggregateError', () => {
    const boom = (message: string) => ({ dispose: () => { throw new Error(message); } });
    let called = 0;
    assert.throws(
      () => disposeAll([boom('one'), { dispose: () => { called++; } }, boom('two')]),
      (error: unknown) => error instanceof AggregateError && error.errors.map((e: Error) => e.message).join() === 'one,two',
    );
    assert.equal(called, 1);
  });

  it('disposes at once what is registered after disposal', () => {
    const owner = new Owner();
    owner.dispose();
    let disposed = false;
    owner.add({ dispose: () => { disposed = true; } });
    assert.equal(disposed, true);
  });
});
