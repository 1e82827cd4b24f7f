import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  deckFolderName,
  HOME_PRACTICE_FOLDER,
  practiceFileName,
  practiceFilePath,
  practiceLanguageOf,
  problemIdOfFileName,
  resolvePracticeFolder,
  WORKSPACE_PRACTICE_FOLDER,
} from '../../../../src/problems/core/practicePaths';

const HOME = path.resolve('/home/ada');
const WORKSPACE = path.resolve('/work/project');

describe('problems/core/practicePaths', () => {
  describe('resolvePracticeFolder', () => {
    it('without a setting: .interview/practice in the workspace folder, else ~/ml-interview-practice', () => {
      assert.equal(WORKSPACE_PRACTICE_FOLDER, path.join('.interview', 'practice'));
      assert.equal(HOME_PRACTICE_FOLDER, 'ml-interview-practice');
      assert.equal(resolvePracticeFolder('', WORKSPACE, HOME), path.join(WORKSPACE, '.interview', 'practice'));
      assert.equal(resolvePracticeFolder('', undefined, HOME), path.join(HOME, 'ml-interview-practice'));
      assert.equal(resolvePracticeFolder('   ', WORKSPACE, HOME), path.join(WORKSPACE, '.interview', 'practice'), 'blank is empty');
    });

    it('expands `~` and `~/…` to the home folder, with or without a workspace folder', () => {
      for (const workspace of [WORKSPACE, undefined]) {
        assert.equal(resolvePracticeFolder('~', workspace, HOME), HOME);
        assert.equal(resolvePracticeFolder('~/x', workspace, HOME), path.join(HOME, 'x'));
        assert.equal(resolvePracticeFolder(' ~/notes/practice ', workspace, HOME), path.join(HOME, 'notes', 'practice'));
      }
    });

    it('does not expand another user’s home, `~x`', () => {
      assert.equal(resolvePracticeFolder('~x', WORKSPACE, HOME), path.join(WORKSPACE, '~x'));
    });

    it('keeps an absolute path, normalized', () => {
      const absolute = path.resolve('/srv/practice');
      assert.equal(resolvePracticeFolder(absolute, WORKSPACE, HOME), absolute);
      assert.equal(resolvePracticeFolder(`${absolute}/../practice2/./`, undefined, HOME), path.join(path.dirname(absolute), 'practice2') + path.sep);
    });

    it('resolves a relative path against the workspace folder, else against home', () => {
      assert.equal(resolvePracticeFolder('drills', WORKSPACE, HOME), path.join(WORKSPACE, 'drills'));
      assert.equal(resolvePracticeFolder('./a/../drills', WORKSPACE, HOME), path.join(WORKSPACE, 'drills'));
      assert.equal(resolvePracticeFolder('drills', undefined, HOME), path.join(HOME, 'drills'));
      assert.equal(resolvePracticeFolder('../shared', WORKSPACE, HOME), path.join(path.dirname(WORKSPACE), 'shared'));
    });
  });

  describe('file names and paths', () => {
    it('names a TypeScript attempt after the id and a Python one as a module, dashes → underscores', () => {
      assert.equal(practiceFileName('softmax', 'ts'), 'softmax.ts');
      assert.equal(practiceFileName('softmax', 'py'), 'softmax.py');
      assert.equal(practiceFileName('batchnorm-backward', 'ts'), 'batchnorm-backward.ts');
      assert.equal(practiceFileName('attention-causal-mask', 'py'), 'attention_causal_mask.py');
    });

    it('slugs a user deck id into a folder name', () => {
      assert.equal(deckFolderName('user:file:///home/a/.interview'), 'user-file-home-a-interview');
      assert.equal(deckFolderName('My Deck'), 'my-deck');
      assert.equal(deckFolderName('::://'), 'deck');
      assert.equal(deckFolderName(''), 'deck');
      const long = deckFolderName(`user:file:///${'a/'.repeat(50)}tail`);
      assert.equal(long.length, 60, 'keeps the last 60 characters, the distinctive end');
      assert.ok(long.endsWith('-a-a-tail'), long);
    });

    it('puts built-in attempts at the top of the folder and a user deck’s in its own subfolder', () => {
      const folder = path.join(WORKSPACE, '.interview', 'practice');
      assert.equal(practiceFilePath(folder, { id: 'cross-entropy' }, 'ts'), path.join(folder, 'cross-entropy.ts'));
      assert.equal(practiceFilePath(folder, { id: 'cross-entropy' }, 'py'), path.join(folder, 'cross_entropy.py'));
      const deck = { id: 'cross-entropy', deckId: 'user:file:///home/a/.interview' };
      assert.equal(practiceFilePath(folder, deck, 'ts'), path.join(folder, 'user-file-home-a-interview', 'cross-entropy.ts'));
      assert.equal(practiceFilePath(folder, deck, 'py'), path.join(folder, 'user-file-home-a-interview', 'cross_entropy.py'));
    });
  });

  describe('reading a file name back', () => {
    it('knows the language of .ts and .py files only', () => {
      assert.equal(practiceLanguageOf('/p/softmax.ts'), 'ts');
      assert.equal(practiceLanguageOf('/p/softmax.py'), 'py');
      assert.equal(practiceLanguageOf('SOFTMAX.PY'), 'py');
      assert.equal(practiceLanguageOf('Softmax.Ts'), 'ts');
      for (const file of ['/p/softmax.js', '/p/softmax.pyc', '/p/softmax', '/p/softmax.ts.bak', '/p/.ts']) {
        assert.equal(practiceLanguageOf(file), undefined, file);
      }
    });

    it('turns a practice file name back into the problem id', () => {
      assert.equal(problemIdOfFileName('/p/cross_entropy.py'), 'cross-entropy');
      assert.equal(problemIdOfFileName('/p/cross-entropy.ts'), 'cross-entropy');
      assert.equal(problemIdOfFileName('Softmax.PY'), 'softmax');
      assert.equal(problemIdOfFileName(path.join('deck', practiceFileName('beam-search', 'py'))), 'beam-search');
      for (const file of ['/p/cross_entropy.js', '/p/softmax.d.ts', '/p/_private.py', '/p/a__b.py', '/p/soft max.ts', '/p/softmax-.ts', '/p/.ts']) {
        assert.equal(problemIdOfFileName(file), undefined, file);
      }
    });
  });
});
