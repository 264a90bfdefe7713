// Units added many at once from a pasted list (issue 18): the preview flags
// exact duplicates and near-duplicates (case, diacritics, a "BĐBP" suffix)
// and saves nothing; the add button saves the new lines and the ticked
// near-duplicates in one save, into the cluster on the cluster's page;
// axe-clean in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axe, openApp, serve, shot } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

const unitKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('thidua.unit.')).length);

const PASTE = [
  '  cục kỹ thuật bđbp  ', // the same unit as "Cục Kỹ thuật BĐBP": never added
  '',
  'Cuc Hau can', // "Cục Hậu cần BĐBP" without diacritics and suffix: near
  'Đồn Biên phòng Cửa khẩu Lào Cai',
  'Đồn Biên phòng  cửa khẩu Lào Cai', // the line above again
  'Hải đội Biên phòng 2',
  'Hai doi Bien phong 2 - BĐBP', // alike to the line above
  '   ',
].join('\n');

for (const lang of ['vi', 'en']) {
  test(`a pasted list of units, previewed then added to the cluster (${lang})`, async (t) => {
    const { page, errors } = await openApp(t, server.url);
    if (lang === 'en') await page.getByTestId('lang-switch').click();
    await page.getByTestId('load-sample').click();
    await page.getByTestId('year-link').waitFor();
    await page.getByTestId('nav-clusters').click();
    await page.getByTestId('cluster-link').click();
    const form = page.getByTestId('paste-units-cluster');
    const before = await unitKeys(page);
    const rotation = await page.getByTestId('rotation-row').count();
    await form.getByTestId('paste-units-text').fill(PASTE);
    await form.getByTestId('paste-units-preview').click();
    await form.getByTestId('paste-units-table').waitFor();
    assert.deepEqual(await form.getByTestId('pasted-name').allInnerTexts(), [
      'cục kỹ thuật bđbp', 'Cuc Hau can', 'Đồn Biên phòng Cửa khẩu Lào Cai',
      'Đồn Biên phòng cửa khẩu Lào Cai', 'Hải đội Biên phòng 2', 'Hai doi Bien phong 2 - BĐBP',
    ]);
    const flags = await form.getByTestId('pasted-flag').allInnerTexts();
    const expected = lang === 'vi'
      ? ['Trùng với đơn vị đã có «Cục Kỹ thuật BĐBP»: không thêm', 'Gần giống đơn vị đã có «Cục Hậu cần BĐBP»',
        'Mới, sẽ được thêm', 'Trùng với dòng 3 «Đồn Biên phòng Cửa khẩu Lào Cai»: không thêm',
        'Mới, sẽ được thêm', 'Gần giống dòng 5 «Hải đội Biên phòng 2»']
      : ['Same as the existing unit «Cục Kỹ thuật BĐBP»: not added', 'Looks like the existing unit «Cục Hậu cần BĐBP»',
        'New, will be added', 'Same as line 3 «Đồn Biên phòng Cửa khẩu Lào Cai»: not added',
        'New, will be added', 'Looks like line 5 «Hải đội Biên phòng 2»'];
    assert.deepEqual(flags, expected);
    // Only near-duplicates can be ticked; the button counts what will be added.
    assert.equal(await form.getByTestId('pasted-add-anyway').count(), 2);
    assert.equal(await form.getByTestId('add-pasted-units').innerText(), lang === 'vi' ? 'Thêm 2 đơn vị' : 'Add 2 units');
    await form.getByTestId('pasted-add-anyway').nth(1).check();
    assert.equal(await form.getByTestId('add-pasted-units').innerText(), lang === 'vi' ? 'Thêm 3 đơn vị' : 'Add 3 units');
    // Nothing is saved by the preview.
    assert.equal(await unitKeys(page), before);
    assert.equal(await page.getByTestId('rotation-row').count(), rotation);
    assert.deepEqual(await axe(page), []);
    await form.scrollIntoViewIfNeeded();
    await shot(page, `i18-paste-preview-${lang}`);
    await form.getByTestId('add-pasted-units').click();
    await form.getByTestId('paste-units-saved').waitFor();
    assert.equal(await unitKeys(page), before + 3);
    const names = await page.getByTestId('rotation-name').allInnerTexts();
    assert.equal(names.length, rotation + 3);
    assert.deepEqual(names.slice(rotation), ['Đồn Biên phòng Cửa khẩu Lào Cai', 'Hải đội Biên phòng 2', 'Hai doi Bien phong 2 - BĐBP']);
    assert.equal(await form.getByTestId('paste-units-text').inputValue(), '');
    assert.equal(await form.getByTestId('paste-units-table').count(), 0);
    // Pasted again: every line now names what it repeats; nothing to add.
    await form.getByTestId('paste-units-text').fill('Hải đội Biên phòng 2\nhải đội biên phòng 2');
    await form.getByTestId('paste-units-preview').click();
    await form.getByTestId('paste-units-nothing').waitFor();
    assert.equal(await form.getByTestId('add-pasted-units').isDisabled(), true);
    // Typing after a preview takes the preview away: it no longer says what the text is.
    await form.getByTestId('paste-units-text').fill('Đồn C');
    assert.equal(await form.getByTestId('paste-units-table').count(), 0);
    // On the units screen the same form adds units outside any cluster.
    await page.getByTestId('nav-units').click();
    const free = page.getByTestId('paste-units-free');
    await free.getByTestId('paste-units-text').fill('Trạm Kiểm soát Biên phòng X\nTrạm Kiểm soát Biên phòng Y');
    await free.getByTestId('paste-units-preview').click();
    await free.getByTestId('add-pasted-units').click();
    await free.getByTestId('paste-units-saved').waitFor();
    const all = await page.getByTestId('unit-name').allInnerTexts();
    assert.ok(all.includes('Trạm Kiểm soát Biên phòng X') && all.includes('Trạm Kiểm soát Biên phòng Y'));
    assert.equal(await unitKeys(page), before + 5);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
  });
}
