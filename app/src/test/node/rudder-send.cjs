// Sends a page, an identify, a track and an alias with the official RudderStack Node SDK, unchanged but for its
// data plane URL. Its defaults stand: one gzip-compressed batch to /v1/batch, without a JSON content type.
// Usage: node rudder-send.cjs <dataPlaneUrl> <writeKey> <userId> <anonymousId> <email> <orderId>
const Analytics = require('@rudderstack/rudder-sdk-node')
const axios = require('axios')

const [dataPlaneUrl, writeKey, userId, anonymousId, email, orderId] = process.argv.slice(2)
const sent = []
const axiosInstance = axios.create()
axiosInstance.interceptors.response.use((response) => {
  const headers = response.config.headers
  sent.push(`${response.status} ${headers['Content-Encoding']} ${headers['Content-Type']}`)
  return response
})
let failed = false
const analytics = new Analytics(writeKey, {
  dataPlaneUrl,
  axiosInstance,
  retryCount: 1,
  logLevel: 'error',
  errorHandler: (error) => {
    console.error('delivery failed', error.response ? error.response.status : error.message)
    failed = true
  }
})

analytics.page({ anonymousId, name: 'Home', properties: { url: 'https://shop.example/', referrer: 'https://duckduckgo.com/' } })
analytics.identify({ userId, anonymousId, traits: { email, firstName: 'Grace', lastName: 'Hopper' } })
analytics.track({ userId, event: 'Order Completed', properties: { order_id: orderId, total: 30.5, currency: 'EUR' } })
analytics.alias({ userId, previousId: anonymousId })

analytics.flush().then(() => {
  console.log('sent', sent.join('; '))
  process.exit(failed || sent.length === 0 || sent.some((s) => !s.startsWith('200 ')) ? 1 : 0)
}, (error) => {
  console.error('flush failed', error.message)
  process.exit(1)
})
